import { excerpt, renderMarkdown } from './markdown';

describe(renderMarkdown.name, () => {
  it('renders the usual Markdown', () => {
    expect(renderMarkdown('**Bonjour** *madame*\n\n- un\n- deux')).toBe('<p><strong>Bonjour</strong> <em>madame</em></p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>');
  });

  it('shows raw HTML as text, never as markup', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript: and data: links but keeps web and mail links', () => {
    expect(renderMarkdown('[clic](javascript:alert(1))')).not.toContain('href="javascript');
    expect(renderMarkdown('[clic](data:text/html;base64,PHNjcmlwdD4=)')).not.toContain('href="data');
    expect(renderMarkdown('[site](https://www.valdoise.fr)')).toContain(
      '<a href="https://www.valdoise.fr" rel="noopener noreferrer nofollow" target="_blank">site</a>',
    );
    expect(renderMarkdown('écrire à mairie@ableiges.example')).toContain('href="mailto:mairie@ableiges.example"');
  });

  it('renders plain text as typed, its line breaks kept and its web addresses made links', () => {
    const html = renderMarkdown('Bonjour,\nle dossier est sur https://www.valdoise.fr/aides-aux-communes (voir la rubrique DETR).\nMerci');
    expect(html).toBe(
      '<p>Bonjour,<br />\nle dossier est sur <a href="https://www.valdoise.fr/aides-aux-communes" rel="noopener noreferrer nofollow" target="_blank">https://www.valdoise.fr/aides-aux-communes</a> (voir la rubrique DETR).<br />\nMerci</p>',
    );
    // A bare "www." address and one closing a sentence become links without the final full stop.
    expect(renderMarkdown('Voir www.valdoise.fr.')).toContain('<a href="http://www.valdoise.fr" rel="noopener noreferrer nofollow" target="_blank">www.valdoise.fr</a>.');
    // File names and missing spaces are not addresses.
    expect(renderMarkdown('devis_preau_2025.pdf, notes.md et plan.ai pour M. Dupont.Il')).toBe(
      '<p>devis_preau_2025.pdf, notes.md et plan.ai pour M. Dupont.Il</p>',
    );
  });

  it('keeps message headings below the page headings', () => {
    expect(renderMarkdown('# Titre')).toBe('<h3>Titre</h3>');
  });
});

describe(excerpt.name, () => {
  it('shortens at a word boundary', () => {
    expect(excerpt('un deux trois quatre', 12)).toBe('un deux…');
    expect(excerpt('  court\n texte ')).toBe('court texte');
  });
});
