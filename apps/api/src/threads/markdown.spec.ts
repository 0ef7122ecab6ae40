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
