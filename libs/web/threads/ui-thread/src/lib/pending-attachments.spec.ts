import { type DocumentDto, MAX_UPLOAD_BYTES } from '@passerelle/shared/dto';
import { Subject } from 'rxjs';
import { type AttachmentUploadEvent, PendingAttachments } from './pending-attachments';

function documentFor(name: string): DocumentDto {
  return {
    id: `doc-${name}`,
    projectId: null,
    messageId: null,
    kind: 'DOCUMENT',
    filename: name,
    mimeType: 'application/pdf',
    sizeBytes: 1000,
    sha256: '0'.repeat(64),
    uploadedAt: '2026-03-10T10:00:00Z',
    uploadedBy: 'Julie Bernard',
    contentUrl: `/api/documents/doc-${name}/content`,
    thumbnailUrl: null,
  };
}

function file(name: string, size = 1000): File {
  const result = new File(['x'], name);
  Object.defineProperty(result, 'size', { value: size });
  return result;
}

describe(PendingAttachments.name, () => {
  let uploads: Map<string, Subject<AttachmentUploadEvent>>;
  let sut: PendingAttachments;

  beforeEach(() => {
    uploads = new Map();
    sut = new PendingAttachments((chosen) => {
      const upload = new Subject<AttachmentUploadEvent>();
      uploads.set(chosen.name, upload);
      return upload;
    }, 3);
  });

  it('follows each upload and only lists the stored files as ready to send', () => {
    sut.add([file('devis.pdf'), file('plan.pdf')]);
    uploads.get('devis.pdf')?.next({ state: 'progress', percent: 40 });

    expect(sut.items().map((item) => [item.name, item.percent])).toEqual([
      ['devis.pdf', 40],
      ['plan.pdf', 0],
    ]);
    expect(sut.uploading()).toBe(true);
    expect(sut.documentIds()).toEqual([]);

    uploads.get('devis.pdf')?.next({ state: 'done', result: documentFor('devis.pdf') });
    uploads.get('plan.pdf')?.next({ state: 'done', result: documentFor('plan.pdf') });
    expect(sut.uploading()).toBe(false);
    expect(sut.documentIds()).toEqual(['doc-devis.pdf', 'doc-plan.pdf']);
  });

  it('cancels an upload removed before it finished', () => {
    sut.add([file('devis.pdf')]);
    const upload = uploads.get('devis.pdf');
    sut.remove(sut.items()[0].key);

    expect(upload?.observed).toBe(false);
    expect(sut.items()).toEqual([]);
    expect(sut.uploading()).toBe(false);
  });

  it('refuses a file over the size limit and files beyond the count, saying why', () => {
    sut.add([file('gros.pdf', MAX_UPLOAD_BYTES + 1), file('a.pdf'), file('b.pdf'), file('c.pdf'), file('d.pdf')]);

    expect(sut.items().map((item) => item.name)).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
    expect(sut.error()).toContain('« gros.pdf » pèse');
    expect(sut.error()).toContain('plus de 3 pièces jointes');
  });

  it('drops a failed upload and gives the API’s reason', () => {
    sut.add([file('virus.exe')]);
    uploads.get('virus.exe')?.error({
      status: 415,
      error: { code: 'UNSUPPORTED_TYPE', message: 'Ce type de fichier n’est pas accepté.', requestId: 'r' },
    });

    expect(sut.items()).toEqual([]);
    expect(sut.error()).toBe('L’envoi de « virus.exe » a échoué\u00a0: Ce type de fichier n’est pas accepté.');
  });

  it('starts empty again once the message is sent', () => {
    sut.add([file('devis.pdf')]);
    uploads.get('devis.pdf')?.next({ state: 'done', result: documentFor('devis.pdf') });
    sut.clear();
    expect(sut.items()).toEqual([]);
    expect(sut.documentIds()).toEqual([]);
  });
});
