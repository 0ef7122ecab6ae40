import { Inject, Injectable } from '@nestjs/common';
import {
  NEWSLETTER_CONFIRMATION_HOURS,
  type NewsletterConfirmationDto,
  type NewsletterScope,
  type NewsletterSubscribeRequest,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { normalizeEmail } from '../accounts/users.repository';
import { AttemptCounters } from '../auth/attempt-counters';
import { isUuid } from '../common/http/uuid';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailService } from '../mail/mail.service';
import { confirmationMail } from './newsletter-mails';
import { NewsletterException } from './newsletter.exception';
import { NewsletterRepository } from './newsletter.repository';
import { NewsletterTokens } from './newsletter-tokens';

/** The request as validated at the edge: the scope's fields are checked against its kind here. */
export type SubscribeInput = Omit<NewsletterSubscribeRequest, 'scope'> & {
  scope: { kind: NewsletterScope['kind']; cantonCode?: string; axisId?: string };
};

/** Confirmation mails to one address in an hour: more would turn the form into a way to flood someone's inbox. */
const CONFIRMATIONS_PER_HOUR = 5;

/** The web app's pages the links open. */
export const CONFIRMATION_PAGE = '/lettre/confirmation';
export const UNSUBSCRIBE_PAGE = '/lettre/desabonnement';
/** The API's one-click unsubscribe (RFC 8058), given to mail clients in `List-Unsubscribe`. */
export const ONE_CLICK_PATH = '/api/public/newsletter/unsubscribe';

/**
 * The partners' newsletter: a subscription is only a mail with a signed link until that link is followed (double
 * opt-in, nothing stored before), then one row with the address, the scope and the frequency, until unsubscribed.
 */
@Injectable()
export class NewsletterService {
  readonly tokens: NewsletterTokens;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NewsletterRepository,
    private readonly mail: MailService,
    private readonly counters: AttemptCounters,
    private readonly clock: Clock,
  ) {
    if (!config.encryptionKey) {
      throw new Error('ENCRYPTION_KEY is missing (withLocalSecrets or the environment provides it)');
    }
    this.tokens = new NewsletterTokens(config.encryptionKey);
  }

  /**
   * Mails a confirmation link; the answer is the same whether the address is subscribed already or not (nothing
   * is looked up by address). Beyond `CONFIRMATIONS_PER_HOUR` for one address, no more mail leaves, silently.
   */
  async subscribe(request: SubscribeInput): Promise<void> {
    const scope = await this.checkedScope(request.departement, request.scope);
    const email = normalizeEmail(request.email);
    const { hits } = await this.counters.hit(`newsletter:${email}`, 3600);
    if (hits > CONFIRMATIONS_PER_HOUR) {
      return;
    }
    const expiresAt = new Date(this.clock.now().getTime() + NEWSLETTER_CONFIRMATION_HOURS * 3_600_000);
    const token = this.tokens.signConfirmation({
      email,
      departementCode: request.departement,
      scope,
      frequency: request.frequency,
      expiresAt: Math.floor(expiresAt.getTime() / 1000),
    });
    const scopeLabel = (await this.scopeLabel(request.departement, scope)) ?? '';
    await this.mail.send({
      ...confirmationMail({ to: email, url: `${this.config.publicUrl}${CONFIRMATION_PAGE}/${token}`, scopeLabel, frequency: request.frequency, expiresAt }),
      departementCode: request.departement,
    });
  }

  /** Following the link stores the subscription; following it again changes nothing (`created: false`). */
  async confirm(token: string): Promise<NewsletterConfirmationDto> {
    const check = this.tokens.verifyConfirmation(token, this.clock.now());
    if (!check.valid) {
      throw new NewsletterException(check.reason === 'EXPIRED' ? 'LINK_EXPIRED' : 'LINK_INVALID');
    }
    const { request } = check;
    // The canton or the axis may have gone since the mail left.
    const scopeLabel = await this.scopeLabel(request.departementCode, request.scope);
    if (scopeLabel === null) {
      throw new NewsletterException('SCOPE_GONE');
    }
    const { created } = await this.repository.upsert({
      departementCode: request.departementCode,
      email: request.email,
      scope: request.scope,
      frequency: request.frequency,
    });
    return { email: maskEmail(request.email), scopeLabel, frequency: request.frequency, created };
  }

  /** One click: the row goes; an unsubscribe already done is no error (a mail client may post twice). */
  async unsubscribe(token: string): Promise<void> {
    const id = this.tokens.verifyUnsubscribe(token);
    if (!id || !isUuid(id)) {
      throw new NewsletterException('LINK_INVALID');
    }
    await this.repository.delete(id.toLowerCase());
  }

  /** The scope as the département has it, or a field error (a canton or an axis of another département). */
  private async checkedScope(departementCode: string, scope: SubscribeInput['scope']): Promise<NewsletterScope> {
    const departement = await this.repository.departementName(departementCode);
    if (departement === null) {
      throw new ValidationFailedException({ departement: 'Ce département n’utilise pas Passerelle.' });
    }
    switch (scope.kind) {
      case 'DEPARTEMENT':
        if (scope.cantonCode !== undefined || scope.axisId !== undefined) {
          throw new ValidationFailedException({ scope: 'Choisissez tout le département, un canton ou un axe, pas plusieurs.' });
        }
        return { kind: 'DEPARTEMENT' };
      case 'CANTON':
        if (scope.axisId !== undefined || !scope.cantonCode || (await this.repository.cantonName(departementCode, scope.cantonCode)) === null) {
          throw new ValidationFailedException({ 'scope.cantonCode': 'Choisissez un canton du département dans la liste.' });
        }
        return { kind: 'CANTON', cantonCode: scope.cantonCode };
      case 'AXIS':
        if (scope.cantonCode !== undefined || !scope.axisId || (await this.repository.axisLabel(departementCode, scope.axisId.toLowerCase())) === null) {
          throw new ValidationFailedException({ 'scope.axisId': 'Choisissez un axe du programme du département dans la liste.' });
        }
        return { kind: 'AXIS', axisId: scope.axisId.toLowerCase() };
    }
  }

  /** « Tout le département (Val-d'Oise) », « Canton de Pontoise », « Axe « Mobilités du quotidien » »; `null` when gone. */
  private async scopeLabel(departementCode: string, scope: NewsletterScope): Promise<string | null> {
    switch (scope.kind) {
      case 'DEPARTEMENT': {
        const name = await this.repository.departementName(departementCode);
        return name === null ? null : departementScopeLabel(name);
      }
      case 'CANTON': {
        const name = await this.repository.cantonName(departementCode, scope.cantonCode);
        return name === null ? null : cantonScopeLabel(name);
      }
      case 'AXIS': {
        const label = await this.repository.axisLabel(departementCode, scope.axisId);
        return label === null ? null : axisScopeLabel(label);
      }
    }
  }
}

export function departementScopeLabel(name: string): string {
  return `Tout le département (${name})`;
}

export function cantonScopeLabel(name: string): string {
  return `Canton ${ofPlace(name)}`;
}

export function axisScopeLabel(label: string): string {
  return `Axe «\u00a0${label}\u00a0»`;
}

/** « marie.dupont@exemple.fr » → « ma***@exemple.fr »: enough to recognise one's address, not to read it off a screen. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, Math.max(1, local.length - 1)))}***${email.slice(at)}`;
}
