import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  MAX_PAGE_SIZE,
  NEWSLETTER_CONFIRMATION_HOURS,
  NEWSLETTER_FREQUENCIES,
  NEWSLETTER_FREQUENCY_LABELS,
  type NewsletterFrequency,
  type NewsletterScope,
} from '@passerelle/shared/dto';
import { NewsletterApi, PublicDeptProjectsApi, readAxisId, readCantonCode } from '@passerelle/web/public/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { map } from 'rxjs';

type ScopeKind = NewsletterScope['kind'];

/** Shown after every accepted request, whatever the address: the answer tells nothing about who is subscribed. */
export const SUBSCRIBE_SENT_MESSAGE = `Vérifiez votre boîte aux lettres : un lien de confirmation vous a été envoyé (valable ${NEWSLETTER_CONFIRMATION_HOURS} heures).`;

/**
 * `/lettre`: subscribe to the newsletter of the département's publications and progress reports, for the whole
 * département, a canton or an axis (`?canton=9510` or `?axe=<id>` chooses it, from « Suivre ce projet »). Double
 * opt-in: nothing is kept until the link of the confirmation e-mail is followed.
 */
@Component({
  selector: 'pas-newsletter-subscribe-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
  ],
  templateUrl: './newsletter-subscribe-page.html',
  styleUrl: './newsletter.scss',
})
export class NewsletterSubscribePage {
  /** Query parameters. */
  readonly canton = input<string>();
  readonly axe = input<string>();

  private readonly api = inject(NewsletterApi);
  private readonly deptApi = inject(PublicDeptProjectsApi);
  private readonly territory = inject(TerritoryApi);
  private readonly config = toSignal(inject(PublicConfig).load());
  private readonly code = computed(() => this.config()?.defaultDepartementCode);

  protected readonly sentMessage = SUBSCRIBE_SENT_MESSAGE;
  protected readonly frequencies = NEWSLETTER_FREQUENCIES;
  protected readonly frequencyLabels = NEWSLETTER_FREQUENCY_LABELS;

  protected readonly cantons = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
    defaultValue: [],
  });
  protected readonly axes = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.deptApi.axes(params),
    defaultValue: [],
  });

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(254)] }),
    scope: new FormControl<ScopeKind>('DEPARTEMENT', { nonNullable: true }),
    cantonCode: new FormControl<string | null>(null),
    axisId: new FormControl<string | null>(null),
    frequency: new FormControl<NewsletterFrequency>('MONTHLY', { nonNullable: true }),
  });
  protected readonly scope = toSignal(this.form.controls.scope.valueChanges, { initialValue: this.form.controls.scope.value });

  protected readonly sending = signal(false);
  protected readonly sent = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly submitted = signal(false);

  constructor() {
    // The scope of the address (« Suivre ce projet »), once, before the visitor changes it.
    effect(() => {
      const canton = readCantonCode({ canton: this.canton() });
      const axis = readAxisId({ axe: this.axe() }, 'axe');
      untracked(() => {
        if (canton) {
          this.form.patchValue({ scope: 'CANTON', cantonCode: canton });
        } else if (axis) {
          this.form.patchValue({ scope: 'AXIS', axisId: axis });
        }
      });
    });
  }

  protected scopeError(): string | null {
    const { scope, cantonCode, axisId } = this.form.getRawValue();
    if (scope === 'CANTON' && !cantonCode) {
      return 'Choisissez un canton.';
    }
    if (scope === 'AXIS' && !axisId) {
      return 'Choisissez un axe.';
    }
    return null;
  }

  protected emailError(): string {
    const control = this.form.controls.email;
    return control.hasError('required') ? 'Saisissez votre adresse électronique.' : 'Saisissez une adresse électronique valide, par exemple nom@exemple.fr.';
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    this.form.markAllAsTouched();
    const code = this.code();
    if (this.form.invalid || this.scopeError() || !code || this.sending()) {
      return;
    }
    const value = this.form.getRawValue();
    const scope: NewsletterScope =
      value.scope === 'CANTON' && value.cantonCode
        ? { kind: 'CANTON', cantonCode: value.cantonCode }
        : value.scope === 'AXIS' && value.axisId
          ? { kind: 'AXIS', axisId: value.axisId }
          : { kind: 'DEPARTEMENT' };
    this.sending.set(true);
    this.error.set(null);
    this.api.subscribe({ departement: code, email: value.email.trim(), scope, frequency: value.frequency }).subscribe({
      next: () => {
        this.sending.set(false);
        this.sent.set(true);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.error.set(apiErrorMessage(error, 'L’inscription n’a pas pu être envoyée. Vérifiez votre connexion puis réessayez.'));
      },
    });
  }

  protected again(): void {
    this.sent.set(false);
    this.submitted.set(false);
    this.form.controls.email.reset('');
  }
}
