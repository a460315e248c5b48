import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe, snapshot } from '../../src/shared/download-progress.ts';
import { labelWidth, placeLabels } from '../../src/islands/embedding/labels.ts';

const templates = { downloading: '正在下载：{loaded} / {total} MB（{percent}%）', preparing: '正在准备模型…', ready: '' };

test('the runtime counts: models downloaded but the runtime not is far from done', () => {
  const s = snapshot([{ loaded: 16_000_000, total: 16_000_000 }, { loaded: 0, total: 26_800_000 }], 'downloading');
  assert.equal(s.total, 42_800_000);
  assert.ok(s.fraction! < 0.4, `fraction ${s.fraction}`);
  assert.equal(describe(s, templates), '正在下载：16.0 / 42.8 MB（37%）');
});

test('the bar is full only when ready; preparing is indeterminate', () => {
  const all = [{ loaded: 10, total: 10 }, { loaded: 5, total: 5 }];
  assert.ok(snapshot(all, 'downloading').fraction! < 1);
  assert.equal(describe(snapshot(all, 'downloading'), templates), '正在下载：0.0 / 0.0 MB（99%）');
  assert.equal(snapshot(all, 'preparing').fraction, undefined);
  assert.equal(describe(snapshot(all, 'preparing'), templates), '正在准备模型…');
  assert.equal(snapshot(all, 'ready').fraction, 1);
});

test('a file larger than announced does not push the bar past its total', () => {
  const s = snapshot([{ loaded: 3_000_000, total: 1_000_000 }, { loaded: 0, total: 1_000_000 }], 'downloading');
  assert.equal(s.total, 4_000_000);
  assert.equal(s.fraction, 0.75);
});

test('PCA labels never overlap and stay inside the map', () => {
  // Twenty labels crowded around the same spot: most must give way.
  const labels = Array.from({ length: 20 }, (_, i) => ({ x: 100 + (i % 3), y: 100 + (i % 2), text: i % 2 ? '卷积神经网络' : 'gradient descent', fontSize: 9 }));
  const placed = placeLabels(labels, 500, 340);
  const boxes = placed.flatMap((p, i) => {
    if (!p) return [];
    const w = labelWidth(labels[i]!.text, 9);
    const left = p.anchor === 'start' ? p.x : p.x - w;
    return [{ left, right: left + w, top: p.y - 9, bottom: p.y }];
  });
  assert.ok(boxes.length >= 2 && boxes.length <= 4, `${boxes.length} labels placed`);
  for (const [i, a] of boxes.entries()) {
    assert.ok(a.left >= 0 && a.right <= 500 && a.top >= 0 && a.bottom <= 340);
    for (const b of boxes.slice(i + 1)) assert.ok(!(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom), 'two labels overlap');
  }
  assert.ok(placed[0], 'the first (highest priority) label always gets a place when there is room');
  assert.ok(labelWidth('梯度', 10) > labelWidth('ab', 10));
});
