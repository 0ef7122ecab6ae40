import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { FailedMailDto, Page } from '@passerelle/shared/dto';
import { FailedMailsApi } from '@passerelle/web/staff/data-access';
import { of, throwError } from 'rxjs';
import { FailedMailsPanel } from './failed-mails-panel';

describe(FailedMailsPanel.name, () => {
  let listFailedMails: jest.Mock;
  let resendMail: jest.Mock;

  const mail: FailedMailDto = {
    id: 'm1',
    kind: 'INVITATION',
    to: 'maire@ableiges.example',
    subject: 'Invitation à rejoindre Passerelle',
    attempts: 6,
    lastError: 'EENVELOPE : 451 Boîte pleine',
    createdAt: '2026-12-05T08:00:00Z',
    failedAt: '2026-12-05T22:36:00Z',
  };
  const pageOf = (items: FailedMailDto[]): Page<FailedMailDto> => ({ items, total: items.length, limit: 100, offset: 0 });

  async function render() {
    TestBed.configureTestingModule({
      imports: [FailedMailsPanel],
      providers: [{ provide: FailedMailsApi, useValue: { listFailedMails, resendMail } }],
    });
    const fixture = TestBed.createComponent(FailedMailsPanel);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  beforeEach(() => {
    listFailedMails = jest.fn().mockReturnValueOnce(of(pageOf([mail]))).mockReturnValue(of(pageOf([])));
    resendMail = jest.fn().mockReturnValue(of(undefined));
  });

  it('lists each failed mail with its recipient, kind and last answer, and a labelled "Renvoyer" button', async () => {
    const { element } = await render();
    const row = element.querySelector('.row');
    expect(row?.textContent).toContain('Invitation à rejoindre Passerelle');
    expect(row?.textContent).toContain('À maire@ableiges.example');
    expect(row?.textContent).toContain('Invitation');
    expect(row?.textContent).toContain('après 6 essais');
    expect(row?.textContent).toContain('451 Boîte pleine');
    const button = row?.querySelector('button');
    expect(button?.textContent?.trim()).toBe('Renvoyer');
    expect(button?.getAttribute('aria-label')).toBe('Renvoyer le courriel « Invitation à rejoindre Passerelle » à maire@ableiges.example');
  });

  it('sends a mail again, says so, and reloads the list', async () => {
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('.row button')?.click();
    await fixture.whenStable();
    expect(resendMail).toHaveBeenCalledWith('m1');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('repart vers maire@ableiges.example');
    expect(listFailedMails).toHaveBeenCalledTimes(2);
    expect(element.querySelector('.row')).toBeNull();
    expect(element.textContent).toContain('Aucun courriel en échec');
  });

  it('shows the API’s French message when the mail cannot be sent again', async () => {
    resendMail.mockReturnValue(
      throwError(() => new HttpErrorResponse({ status: 404, error: { code: 'MAIL_NOT_FOUND', message: 'Ce courriel est introuvable, ou il n’est plus en échec.' } })),
    );
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('.row button')?.click();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('il n’est plus en échec');
  });
});
