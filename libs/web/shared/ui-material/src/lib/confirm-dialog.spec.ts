import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { confirmAction } from './confirm-dialog';

@Component({
  template: `<button type="button" (click)="ask()">Fermer la question</button>`,
})
class Host {
  private readonly dialog = inject(MatDialog);
  answers: boolean[] = [];

  ask(): void {
    confirmAction(this.dialog, {
      title: 'Fermer la question\u00a0?',
      message: 'La commune sera prévenue par courriel.',
      confirmLabel: 'Fermer la question',
    }).subscribe((answer) => this.answers.push(answer));
  }
}

describe('confirmAction', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
  const dialogButton = (text: string) =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')).find(
      (button) => button.textContent?.trim() === text,
    );

  async function open() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const trigger = (fixture.nativeElement as HTMLElement).querySelector('button') as HTMLButtonElement;
    trigger.focus();
    trigger.click();
    await fixture.whenStable();
    await settle();
    return { fixture, trigger };
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('opens a modal dialog named by its title, described by what will happen, with the focus inside', async () => {
    await open();
    const container = document.querySelector<HTMLElement>('mat-dialog-container');
    expect(container?.getAttribute('role')).toBe('dialog');
    const title = document.getElementById(container?.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('Fermer la question\u00a0?');
    const description = document.getElementById(container?.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('La commune sera prévenue par courriel.');
    // In the browser `cdkFocusInitial` puts it on "Annuler"; jsdom has no layout, so the CDK falls back to the container.
    expect(container?.contains(document.activeElement)).toBe(true);
    expect(dialogButton('Annuler')?.hasAttribute('cdkFocusInitial')).toBe(true);
  });

  it('answers no on "Annuler" and gives the focus back to the button that opened it', async () => {
    const { fixture, trigger } = await open();
    dialogButton('Annuler')?.click();
    await fixture.whenStable();
    await settle();
    expect(fixture.componentInstance.answers).toEqual([false]);
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('answers yes on the action’s button', async () => {
    const { fixture } = await open();
    dialogButton('Fermer la question')?.click();
    await fixture.whenStable();
    await settle();
    expect(fixture.componentInstance.answers).toEqual([true]);
  });
});
