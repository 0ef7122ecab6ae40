import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { ReplyDraft } from './reply-draft';

@Component({ template: '' })
class Host {
  readonly key = signal<string | null>(null);
  readonly body = new FormControl('', { nonNullable: true });
  readonly draft = new ReplyDraft(this.body, this.key);
}

describe(ReplyDraft.name, () => {
  beforeEach(() => localStorage.clear());

  function create(): Host {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return fixture.componentInstance;
  }

  it('keeps the text per user and thread, gives it back on return, and forgets it once the box is emptied', () => {
    const first = create();
    first.key.set('u1.t1');
    TestBed.tick();
    first.body.setValue('Voici les pièces demandées');
    expect(localStorage.getItem('passerelle.reply-draft.u1.t1')).toBe('Voici les pièces demandées');

    const back = create();
    back.key.set('u1.t1');
    TestBed.tick();
    expect(back.body.value).toBe('Voici les pièces demandées');

    const otherThread = create();
    otherThread.key.set('u1.t2');
    TestBed.tick();
    expect(otherThread.body.value).toBe('');

    back.body.reset('');
    expect(localStorage.getItem('passerelle.reply-draft.u1.t1')).toBeNull();
  });

  it('does not overwrite what is already typed', () => {
    localStorage.setItem('passerelle.reply-draft.u1.t1', 'ancien brouillon');
    const host = create();
    host.body.setValue('nouveau texte');
    host.key.set('u1.t1');
    TestBed.tick();
    expect(host.body.value).toBe('nouveau texte');
  });
});
