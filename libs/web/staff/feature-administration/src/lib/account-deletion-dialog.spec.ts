import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { of, throwError } from 'rxjs';
import { AccountDeletionDialog, type AccountDeletionDialogData } from './account-deletion-dialog';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

describe(AccountDeletionDialog.name, () => {
  let submit: jest.Mock;
  let close: jest.Mock;

  async function render(reason: string) {
    const data: AccountDeletionDialogData = { name: 'Claire Agent', keptAs: 'Ancien agent du département', submit };
    TestBed.configureTestingModule({
      imports: [AccountDeletionDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close, disableClose: false } },
      ],
    });
    const fixture = TestBed.createComponent(AccountDeletionDialog);
    const element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);
    await fixture.whenStable();
    const field = element.querySelector<HTMLTextAreaElement>('#deletion-reason') as HTMLTextAreaElement;
    field.value = reason;
    field.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
    return { element, field };
  }

  beforeEach(() => {
    submit = jest.fn();
    close = jest.fn();
  });

  afterEach(() => document.body.replaceChildren());

  it('says what happens and asks for the reason, refusing a blank one', async () => {
    const { element, field } = await render('   ');
    expect(element.querySelector('h2')?.textContent).toBe('Supprimer le compte de Claire Agent');
    expect(plain(element.querySelector('mat-dialog-content p')?.textContent)).toContain(
      'si elle se reconnecte d’ici là, la suppression est annulée. Ce qu’elle a écrit reste, sous la mention « Ancien agent du département ».',
    );
    expect(element.querySelector('label')?.textContent).toContain('Motif de la demande');
    expect(submit).not.toHaveBeenCalled();
    expect(plain(element.querySelector('mat-error')?.textContent)).toBe('Ce champ est obligatoire.');
    expect(document.activeElement).toBe(field);
  });

  it('sends the reason and closes with the deletion', async () => {
    const deletion = { userId: 'u1', requestedAt: '2026-03-14T09:00:00Z', dueAt: '2026-04-13T09:00:00Z', requestedBy: 'ADMIN' };
    submit.mockReturnValue(of(deletion));
    await render(' Demande écrite du 3 mars ');
    expect(submit).toHaveBeenCalledWith('Demande écrite du 3 mars');
    expect(close).toHaveBeenCalledWith(deletion);
  });

  it('stays open with the API’s message when the last admin cannot go', async () => {
    submit.mockReturnValue(
      throwError(() => ({
        status: 409,
        error: { code: 'ACCOUNT_DELETION_LAST_ADMIN', message: 'C’est le dernier administrateur du département.', requestId: 'r' },
      })),
    );
    const { element } = await render('Demande écrite');
    expect(close).not.toHaveBeenCalled();
    expect(plain(element.querySelector('[role="alert"]')?.textContent)).toBe('C’est le dernier administrateur du département.');
  });
});
