import { BreakpointObserver } from '@angular/cdk/layout';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DEFAULT_ELIGIBILITY_THRESHOLD } from '@passerelle/shared/dto';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { TerritoryMap } from '@passerelle/web/shared/ui-map';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { CommuneDetails } from '@passerelle/web/territory/ui-commune';
import { map } from 'rxjs';
import { CommuneList } from './commune-list';

const PHONE = '(max-width: 599.98px)';

/** Public home page: what Passerelle is, then the map of the département's communes and its list equivalent. */
@Component({
  selector: 'pas-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TerritoryMap, CommuneDetails, CommuneList],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  private readonly api = inject(TerritoryApi);
  private readonly publicConfig = inject(PublicConfig);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  protected readonly isPhone = toSignal(inject(BreakpointObserver).observe(PHONE).pipe(map((state) => state.matches)), {
    initialValue: false,
  });

  protected readonly config = rxResource({ stream: () => this.publicConfig.load() });
  protected readonly code = computed(() =>
    this.config.hasValue() ? this.config.value().defaultDepartementCode : undefined,
  );

  protected readonly departement = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.getDepartement(params),
  });
  protected readonly communeOutlines = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.getCommuneOutlines(params),
  });
  protected readonly cantonOutlines = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.getCantonOutlines(params),
  });
  protected readonly cantons = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.listCantons(params).pipe(map((page) => page.items)),
    defaultValue: [],
  });

  protected readonly threshold = computed(() =>
    this.departement.hasValue() ? this.departement.value().eligibilityThreshold : DEFAULT_ELIGIBILITY_THRESHOLD,
  );
  protected readonly departementSummary = computed(() => {
    if (!this.departement.hasValue()) {
      return '';
    }
    const { communeCount, eligibleCommuneCount } = this.departement.value();
    return `${formatCount(communeCount, 'commune')}, dont ${formatCount(eligibleCommuneCount, 'commune')} de moins de ${this.threshold().toLocaleString('fr-FR')} habitants.`;
  });

  protected readonly mapLoading = computed(
    () =>
      this.config.isLoading() ||
      this.departement.isLoading() ||
      this.communeOutlines.isLoading() ||
      this.cantonOutlines.isLoading(),
  );
  protected readonly mapError = computed(
    () => !!(this.config.error() ?? this.departement.error() ?? this.communeOutlines.error()),
  );

  protected readonly selectedInsee = signal<string | null>(null);
  protected readonly selected = rxResource({
    params: () => this.selectedInsee() ?? undefined,
    stream: ({ params }) => this.api.getCommune(params),
  });
  protected readonly selectedError = computed(() => {
    const error = this.selected.error();
    return error ? apiErrorMessage(error, 'Impossible de charger la fiche de cette commune.') : '';
  });

  private readonly details = viewChild(CommuneDetails);
  /** Where focus was when the fiche opened, to give it back on close. */
  private returnFocusTo: HTMLElement | null = null;
  private focusDetailsOnLoad = false;

  constructor() {
    effect(() => {
      if (this.selected.isLoading() || !this.focusDetailsOnLoad) {
        return;
      }
      this.focusDetailsOnLoad = false;
      if (this.selected.hasValue()) {
        afterNextRender(() => this.details()?.focus(), { injector: this.injector });
      }
    });
  }

  protected selectFromMap(insee: string): void {
    this.returnFocusTo = null;
    this.focusDetailsOnLoad = false;
    this.selectedInsee.set(insee);
  }

  protected selectFromList(insee: string): void {
    const active = this.document.activeElement;
    this.returnFocusTo = active instanceof HTMLElement ? active : null;
    if (insee === this.selectedInsee() && this.selected.hasValue()) {
      this.details()?.focus();
      return;
    }
    // Chosen in the list, below the map: take keyboard and screen-reader users to the fiche once it is drawn.
    this.focusDetailsOnLoad = true;
    this.selectedInsee.set(insee);
  }

  protected closeDetails(): void {
    this.selectedInsee.set(null);
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target?.isConnected) {
      target.focus();
    }
  }

  protected retryMap(): void {
    this.config.reload();
    this.departement.reload();
    this.communeOutlines.reload();
    this.cantonOutlines.reload();
    this.cantons.reload();
  }

}
