import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PrivacyNoticeApi } from '@passerelle/web/privacy/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { formatDays } from './retention-text';

/**
 * `/donnees-personnelles` (everyone): what Passerelle keeps about the people who use it, why, for how long, who sees
 * it, the rights and how to use them, the DPO's address and the register of processing activities. All of it comes
 * from the API, which writes it from the installation's configuration: the periods shown are the ones applied.
 */
@Component({
  selector: 'pas-privacy-notice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule],
  templateUrl: './privacy-notice-page.html',
  styleUrl: './privacy-notice-page.scss',
})
export class PrivacyNoticePage {
  private readonly api = inject(PrivacyNoticeApi);

  protected readonly notice = rxResource({ stream: () => this.api.notice() });
  protected readonly errorText = computed(() => apiErrorMessage(this.notice.error(), 'Impossible de charger cette page.'));
  protected readonly registerUrl = this.api.registerUrl();
  protected readonly formatDays = formatDays;
}
