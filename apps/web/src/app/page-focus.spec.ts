import { focusPageHeading } from './page-focus';

describe(focusPageHeading.name, () => {
  let main: HTMLElement;

  beforeEach(() => {
    main = document.createElement('main');
    main.tabIndex = -1;
    document.body.append(main);
  });

  afterEach(() => main.remove());

  const nextMutations = () => new Promise((resolve) => setTimeout(resolve));

  it('focuses the page’s main heading, made focusable outside the Tab order', () => {
    main.innerHTML = '<p>Intro</p><h1>Fiche projet</h1>';
    focusPageHeading(main);
    const heading = main.querySelector('h1');
    expect(document.activeElement).toBe(heading);
    expect(heading?.getAttribute('tabindex')).toBe('-1');
  });

  it('leaves the focus where the new page put it', () => {
    main.innerHTML = '<h1>Nouveau projet</h1><input aria-label="Titre" />';
    const field = main.querySelector('input');
    field?.focus();
    focusPageHeading(main);
    expect(document.activeElement).toBe(field);
  });

  it('focuses the main region while the page loads, then its heading once it appears', async () => {
    focusPageHeading(main);
    expect(document.activeElement).toBe(main);
    main.innerHTML = '<h1>Réfection du lavoir</h1>';
    await nextMutations();
    expect(document.activeElement).toBe(main.querySelector('h1'));
  });

  it('does not take the focus back from a user who moved on before the heading appeared', async () => {
    const link = document.createElement('a');
    link.href = '/ailleurs';
    main.append(link);
    focusPageHeading(main);
    link.focus();
    main.insertAdjacentHTML('afterbegin', '<h1>Réfection du lavoir</h1>');
    await nextMutations();
    expect(document.activeElement).toBe(link);
  });

  it('stops waiting when told to (another navigation started)', async () => {
    const stop = focusPageHeading(main);
    stop();
    main.innerHTML = '<h1>Trop tard</h1>';
    await nextMutations();
    expect(document.activeElement).toBe(main);
  });
});
