import { renderMarkdown } from './markdown-text';

describe('renderMarkdown', () => {
  it('renders a FAQ answer as messages are: emphasis, lists, links that open apart, headings below the page’s', async () => {
    const html = await renderMarkdown('## Plafond\n\nLes aides ne dépassent pas **80 %**.\n\n- DETR\n- aide départementale\n\nVoir https://www.legifrance.gouv.fr');

    expect(html).toContain('<h4>Plafond</h4>');
    expect(html).toContain('<strong>80 %</strong>');
    expect(html).toContain('<li>DETR</li>');
    expect(html).toContain('<a href="https://www.legifrance.gouv.fr" rel="noopener noreferrer nofollow" target="_blank">');
  });

  it('shows raw HTML as text', async () => {
    const html = await renderMarkdown('<script>alert(1)</script>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('never makes an image, which every reader’s browser would load', async () => {
    const html = await renderMarkdown('Voir ![plan](https://tracker.example/pixel.png)');
    expect(html).not.toContain('<img');
  });
});
