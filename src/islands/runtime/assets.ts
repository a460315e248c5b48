/**
 * The manifest.json the build writes beside every island asset folder (src/integration.ts):
 * file name -> bytes, so progress bars know the sizes without hard-coding them.
 */
const manifests = new Map<string, Promise<Record<string, number>>>();

export function assetManifest(folderUrl: string): Promise<Record<string, number>> {
  let manifest = manifests.get(folderUrl);
  if (!manifest) {
    manifest = fetch(`${folderUrl}manifest.json`).then((r) => (r.ok ? (r.json() as Promise<{ files: Record<string, number> }>) : { files: {} })).then((m) => m.files, () => ({}));
    manifests.set(folderUrl, manifest);
  }
  return manifest;
}
