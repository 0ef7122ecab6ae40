import { Component, inject } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { FaqSuggestionDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { of } from 'rxjs';
import { AvoidedQuestion } from './avoided-question';

@Component({ template: '', providers: [AvoidedQuestion] })
class AskPage {
  readonly avoided = inject(AvoidedQuestion);
}

function suggestion(kind: FaqSuggestionDto['kind'], id: string): FaqSuggestionDto {
  return { kind, id, title: id, matchedWords: [], excerpt: '', link: null };
}

describe(AvoidedQuestion.name, () => {
  let fixture: ComponentFixture<AskPage>;
  let sut: AvoidedQuestion;
  let avoided: jest.Mock;
  let fetch: jest.Mock;
  let token: string | null;

  beforeEach(() => {
    avoided = jest.fn().mockReturnValue(of(undefined));
    fetch = jest.fn().mockResolvedValue({ ok: true, status: 204 });
    window.fetch = fetch;
    token = 'jwt-1';
    TestBed.configureTestingModule({
      providers: [
        { provide: FaqApi, useValue: { avoided } },
        { provide: AuthSession, useValue: { accessToken: () => token } },
        { provide: API_BASE_URL, useValue: '/api' },
      ],
    });
    fixture = TestBed.createComponent(AskPage);
    sut = fixture.componentInstance.avoided;
  });

  it('counts the last suggestion opened, once, when the page is left', () => {
    sut.opened(suggestion('FAQ', 'f1'));
    sut.opened(suggestion('THREAD', 't1'));
    fixture.destroy();
    expect(avoided).toHaveBeenCalledTimes(1);
    expect(avoided).toHaveBeenCalledWith({ kind: 'THREAD', id: 't1' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('counts nothing when no suggestion was opened, or only a template', () => {
    sut.opened(suggestion('TEMPLATE', 'tpl1'));
    fixture.destroy();
    expect(avoided).not.toHaveBeenCalled();
  });

  it('counts nothing once the question is sent, nor while it is being sent', () => {
    sut.opened(suggestion('FAQ', 'f1'));
    sut.sendStarted();
    window.dispatchEvent(new Event('pagehide'));
    sut.sent();
    fixture.destroy();
    expect(avoided).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('counts again after a failed send, if the page is then left', () => {
    sut.opened(suggestion('FAQ', 'f1'));
    sut.sendStarted();
    sut.sendFailed();
    fixture.destroy();
    expect(avoided).toHaveBeenCalledWith({ kind: 'FAQ', id: 'f1' });
  });

  it('tells the API with a request that outlives the tab when it is closed, signed with the session’s token', () => {
    sut.opened(suggestion('FAQ', 'f1'));
    window.dispatchEvent(new Event('pagehide'));
    fixture.destroy();

    expect(avoided).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/faq/suggest/avoided');
    expect(init).toMatchObject({
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer jwt-1' },
      body: JSON.stringify({ kind: 'FAQ', id: 'f1' }),
    });
  });

  it('counts nothing for a user who signed out from the page', () => {
    sut.opened(suggestion('FAQ', 'f1'));
    token = null;
    fixture.destroy();
    expect(avoided).not.toHaveBeenCalled();
  });
});
