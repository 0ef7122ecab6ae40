import { faqLinkMarkdown } from './faq-link';

describe('faqLinkMarkdown', () => {
  it('links to the entry in the commune’s workspace, with an absolute address', () => {
    expect(faqLinkMarkdown('Cumuler la DETR et l’aide départementale', 'f1', 'https://passerelle.valdoise.fr')).toBe(
      '[Cumuler la DETR et l’aide départementale](https://passerelle.valdoise.fr/espace/faq/f1)',
    );
  });

  it('keeps brackets of the title from ending the link', () => {
    expect(faqLinkMarkdown('Plafond [80 %] des aides', 'f2', 'http://localhost:4200')).toBe(
      '[Plafond \\[80 %\\] des aides](http://localhost:4200/espace/faq/f2)',
    );
  });
});
