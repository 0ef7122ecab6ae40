import { TestBed } from '@angular/core/testing';
import * as download from '@passerelle/web/shared/util-download';
import { RECOVERY_CODES_FILE_NAME, RecoveryCodesPanel } from './recovery-codes-panel';

jest.mock('@passerelle/web/shared/util-download', () => ({ downloadFile: jest.fn() }));

describe(RecoveryCodesPanel.name, () => {
  it('lists the codes, downloads them as a text file and says when the user is done', async () => {
    const fixture = TestBed.createComponent(RecoveryCodesPanel);
    fixture.componentRef.setInput('codes', ['aaaa-bbbb', 'cccc-dddd']);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(Array.from(element.querySelectorAll('li')).map((li) => li.textContent?.trim())).toEqual([
      'aaaa-bbbb',
      'cccc-dddd',
    ]);

    const buttons = Array.from(element.querySelectorAll('button'));
    buttons.find((b) => b.textContent?.includes('Télécharger'))?.click();
    expect(download.downloadFile).toHaveBeenCalledWith(expect.stringContaining('aaaa-bbbb\ncccc-dddd'), RECOVERY_CODES_FILE_NAME);

    let done = false;
    fixture.componentInstance.acknowledged.subscribe(() => (done = true));
    buttons.find((b) => b.textContent?.includes('J’ai noté mes codes'))?.click();
    expect(done).toBe(true);
  });
});
