/** Pagefind's filter pills with their "All" pill in the page's language (the modular UI hard-codes "All"). */
import { FilterPills } from '@pagefind/modular-ui';

export class LocalizedFilterPills extends FilterPills {
  private readonly allLabel: string;

  constructor(options: ConstructorParameters<typeof FilterPills>[0], allLabel: string) {
    super(options);
    this.allLabel = allLabel;
  }

  override pillInner(value: string, count: number): string {
    if (value !== 'All') return super.pillInner(value, count);
    // The label is ours (the strings table), the count a number: nothing to escape.
    return super.pillInner(this.allLabel, count);
  }
}
