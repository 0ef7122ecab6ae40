import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AccountDeletionRequestedPage } from './account-deletion-requested-page';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

describe(AccountDeletionRequestedPage.name, () => {
  async function render(date?: string) {
    const fixture = TestBed.configureTestingModule({
      imports: [AccountDeletionRequestedPage],
      providers: [provideRouter([])],
    }).createComponent(AccountDeletionRequestedPage);
    if (date !== undefined) {
      fixture.componentRef.setInput('date', date);
    }
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says when the account will be deleted and how to cancel', async () => {
    const element = await render('2026-04-13T09:00:00Z');
    expect(element.querySelector('h1')?.textContent).toBe('Votre compte sera supprimé le 13/04/2026');
    expect(plain(element.textContent)).toContain('Reconnectez-vous avant le 13/04/2026 avec votre adresse électronique et votre mot de passe : la suppression sera annulée');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/connexion');
  });

  it('stays true without a readable date', async () => {
    const element = await render('demain');
    expect(element.querySelector('h1')?.textContent).toBe('Votre compte sera supprimé');
    expect(plain(element.textContent)).toContain('À la fin du délai de grâce');
  });
});
