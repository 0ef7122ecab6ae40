import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { NotificationPreferenceDto } from '@passerelle/shared/dto';
import { NotificationsApi } from '@passerelle/web/notifications/data-access';
import { of, throwError } from 'rxjs';
import { NotificationPreferencesSection } from './notification-preferences-section';

describe(NotificationPreferencesSection.name, () => {
  let api: { getPreferences: jest.Mock; updatePreferences: jest.Mock };

  const preferences: NotificationPreferenceDto[] = [
    { kind: 'AGENT_REPLY', label: 'Réponse du département à une question de la commune', email: 'IMMEDIATE' },
    { kind: 'THREAD_CLOSED', label: 'Question de la commune fermée', email: 'DIGEST' },
  ];

  async function render() {
    const fixture = TestBed.configureTestingModule({
      imports: [NotificationPreferencesSection],
      providers: [{ provide: NotificationsApi, useValue: api }],
    }).createComponent(NotificationPreferencesSection);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const group = (kind: string) =>
      element.querySelector(`mat-radio-group[aria-labelledby="notification-kind-${kind}"]`);
    const choose = async (kind: string, label: string) => {
      const radio = Array.from(group(kind)?.querySelectorAll('mat-radio-button') ?? []).find((r) =>
        r.textContent?.includes(label),
      );
      radio?.querySelector('input')?.click();
      await fixture.whenStable();
    };
    const checked = (kind: string) =>
      group(kind)?.querySelector('input:checked')?.closest('mat-radio-button')?.textContent?.trim();
    const save = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    return { element, choose, checked, save };
  }

  beforeEach(() => {
    api = {
      getPreferences: jest.fn().mockReturnValue(of(preferences)),
      updatePreferences: jest.fn((input: { preferences: { kind: string; email: string }[] }) =>
        of(input.preferences.map((p) => ({ ...p, label: 'x' }))),
      ),
    };
  });

  it('shows each kind of the role with its three choices, the current one checked', async () => {
    const { element, checked } = await render();
    expect(element.querySelector('#notification-kind-AGENT_REPLY')?.textContent).toBe(
      'Réponse du département à une question de la commune',
    );
    expect(element.querySelectorAll('mat-radio-button')).toHaveLength(6);
    expect(checked('AGENT_REPLY')).toBe('Un courriel à chaque fois');
    expect(checked('THREAD_CLOSED')).toBe('Un récapitulatif par jour, à 8 h');
  });

  it('saves every kind with its choice and says so', async () => {
    const { element, choose, save } = await render();
    await choose('AGENT_REPLY', 'Pas de courriel');
    await save();
    expect(api.updatePreferences).toHaveBeenCalledWith({
      preferences: [
        { kind: 'AGENT_REPLY', email: 'NONE' },
        { kind: 'THREAD_CLOSED', email: 'DIGEST' },
      ],
    });
    expect(element.querySelector('[role="status"]')?.textContent).toBe(
      'Vos préférences de notification sont enregistrées.',
    );
  });

  it('keeps the choices and explains when saving fails', async () => {
    api.updatePreferences.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 0 })));
    const { element, choose, checked, save } = await render();
    await choose('AGENT_REPLY', 'Pas de courriel');
    await save();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Le serveur est injoignable');
    expect(checked('AGENT_REPLY')).toBe('Pas de courriel');
  });

  it('offers to try again when the preferences cannot be loaded', async () => {
    api.getPreferences.mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 500 })));
    const { element } = await render();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe(
      'Impossible de charger vos préférences de notification.',
    );
    expect(element.querySelector('form')).toBeNull();
  });
});
