/**
 * A Markdown link to a FAQ entry as the commune reads it (`/espace/faq/<id>` of its workspace, absolute: the answer
 * is also read in the e-mail that announces it). Brackets of the title are escaped so that they do not end the link.
 */
export function faqLinkMarkdown(title: string, entryId: string, origin: string): string {
  const text = title.replace(/[\\[\]]/g, (mark) => `\\${mark}`);
  const url = new URL(`/espace/faq/${encodeURIComponent(entryId)}`, origin).href;
  return `[${text}](${url})`;
}
