import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { bindSearchField } from './bind-search-field';

@Component({ template: '' })
class SearchHost {
  readonly address = signal('');
  readonly applied: string[] = [];
  readonly field = new FormControl('', { nonNullable: true });

  constructor() {
    bindSearchField(this.field, this.address, (q) => {
      this.applied.push(q);
      this.address.set(q);
    }, 300);
  }
}

describe('bindSearchField', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('applies the trimmed text after a pause in typing, once', () => {
    const host = TestBed.createComponent(SearchHost).componentInstance;
    host.field.setValue('l');
    host.field.setValue('lavoir ');
    jest.advanceTimersByTime(299);
    expect(host.applied).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(host.applied).toEqual(['lavoir']);
    // The same words again (a trailing space) change nothing.
    host.field.setValue('lavoir  ');
    jest.advanceTimersByTime(300);
    expect(host.applied).toEqual(['lavoir']);
  });

  it('follows the address without applying it back', () => {
    const fixture = TestBed.createComponent(SearchHost);
    const host = fixture.componentInstance;
    host.address.set('ecole');
    fixture.detectChanges();
    TestBed.tick();
    expect(host.field.value).toBe('ecole');
    jest.advanceTimersByTime(300);
    expect(host.applied).toEqual([]);
  });
});
