import type { PublicDeptProjectDto, PublicProjectDto } from '@passerelle/shared/dto';
import { deptProjectPageHtml, projectPageHtml } from './project-page-meta';

const INDEX = `<!doctype html>
<html lang="fr">
  <head>
    <title>Passerelle</title>
    <meta name="description" content="Passerelle, le portail." />
  </head>
  <body><app-root></app-root></body>
</html>`;

const project = {
  slug: 'lavoir-ableiges',
  title: 'Le lavoir <restauré> & "sauvé"',
  summary: 'Charpente et tuiles refaites.',
  description: '',
  commune: { insee: '95002', name: 'Ableiges', population: 1200, cantonName: null },
  photos: [{ id: 'p1', thumbnailUrl: '/api/public/documents/p1/thumbnail', contentUrl: '/api/public/documents/p1/content' }],
  publishedAt: '2026-11-20T10:00:00.000Z',
} as unknown as PublicProjectDto;

describe('projectPageHtml', () => {
  it('puts the project in the title, the description and the Open Graph tags, escaped', () => {
    const html = projectPageHtml(INDEX, project, 'https://passerelle.example.fr');
    expect(html).toContain('<title>Le lavoir &lt;restauré&gt; &amp; "sauvé" — Ableiges · Passerelle</title>');
    expect(html).toContain('<meta name="description" content="Charpente et tuiles refaites." />');
    expect(html).toContain('<meta property="og:title" content="Le lavoir &lt;restauré&gt; &amp; &quot;sauvé&quot; — Ableiges" />');
    expect(html).toContain('<meta property="og:url" content="https://passerelle.example.fr/projets/lavoir-ableiges" />');
    expect(html).toContain('<meta property="og:image" content="https://passerelle.example.fr/api/public/documents/p1/thumbnail" />');
    expect(html).toContain('<link rel="canonical" href="https://passerelle.example.fr/projets/lavoir-ableiges" />');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.indexOf('og:title')).toBeLessThan(html.indexOf('</head>'));
  });

  it('shortens a long description at a word and leaves out the image when there is no photo', () => {
    const long = { ...project, summary: 'mot '.repeat(100), photos: [] };
    const html = projectPageHtml(INDEX, long, 'http://localhost:3000');
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(description.length).toBeLessThanOrEqual(200);
    expect(description.endsWith('mot…')).toBe(true);
    expect(html).not.toContain('og:image');
  });

  it('names the commune with the French elision when the project has no text of its own', () => {
    const bare = { ...project, summary: '', description: '' };
    expect(projectPageHtml(INDEX, bare, 'http://localhost:3000')).toContain(
      '<meta name="description" content="Projet réalisé par la commune d’Ableiges." />',
    );
  });
});

describe('deptProjectPageHtml', () => {
  const dept = {
    slug: 'piste-cyclable-vallee',
    title: 'Piste cyclable <de la vallée>',
    summary: '',
    description: '',
    status: 'IN_PROGRESS',
    progress: 40,
    departement: { code: '95', name: 'Val-d’Oise' },
    coverUrl: '/api/public/dept-photos/p1/thumbnail',
    publishedAt: '2026-11-20T10:00:00.000Z',
  } as unknown as PublicDeptProjectDto;

  it('addresses the département project page, with its cover and its progress when it has no text', () => {
    const html = deptProjectPageHtml(INDEX, dept, 'https://passerelle.example.fr');
    expect(html).toContain('<title>Piste cyclable &lt;de la vallée&gt; — Projet du Département · Passerelle</title>');
    expect(html).toContain('<link rel="canonical" href="https://passerelle.example.fr/projets-du-departement/piste-cyclable-vallee" />');
    expect(html).toContain('<meta property="og:image" content="https://passerelle.example.fr/api/public/dept-photos/p1/thumbnail" />');
    expect(html).toContain('<meta name="description" content="Projet du Département (Val-d’Oise) : en cours, avancement 40 %." />');
    expect(deptProjectPageHtml(INDEX, { ...dept, coverUrl: null }, 'http://localhost:3000')).not.toContain('og:image');
  });
});
