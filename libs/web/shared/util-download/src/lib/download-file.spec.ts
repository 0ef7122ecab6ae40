import { downloadFile } from './download-file';

/** jsdom's Blob has no `text()`. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('downloadFile', () => {
  let createObjectURL: jest.Mock;
  let revokeObjectURL: jest.Mock;

  beforeEach(() => {
    createObjectURL = jest.fn().mockReturnValue('blob:codes');
    revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  it('clicks a temporary link named after the file, then frees the object URL', async () => {
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    downloadFile('ABCD-EFGH\nIJKL-MNOP\n', 'codes-de-secours.txt');

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('codes-de-secours.txt');
    expect(clicked[0].href).toBe('blob:codes');
    expect(clicked[0].isConnected).toBe(false);
    const blob = createObjectURL.mock.calls[0][0] as Blob;
    expect(blob.type).toBe('text/plain;charset=utf-8');
    expect(await readText(blob)).toBe('ABCD-EFGH\nIJKL-MNOP\n');
    await new Promise((resolve) => setTimeout(resolve));
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:codes');
  });
});
