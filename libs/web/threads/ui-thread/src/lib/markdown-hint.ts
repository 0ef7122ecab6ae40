import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * How to format a message: plain text is enough (line breaks kept, addresses made links); the few Markdown marks the
 * server renders stay folded away for those who open them.
 */
@Component({
  selector: 'pas-markdown-hint',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details>
      <summary>Mise en forme du texte</summary>
      <p>Écrivez simplement&nbsp;: les retours à la ligne sont gardés, et les adresses web (https://… ou www.…) et électroniques deviennent des liens d’elles-mêmes. Pour aller plus loin&nbsp;:</p>
      <ul>
        <li><code>**gras**</code> donne <strong>gras</strong>, <code>*italique*</code> donne <em>italique</em>&nbsp;;</li>
        <li><code>- </code> en début de ligne fait une liste à puces, <code>1. </code> une liste numérotée&nbsp;;</li>
        <li><code>[texte du lien](https://exemple.fr)</code> fait un lien&nbsp;;</li>
        <li>une ligne vide sépare deux paragraphes.</li>
      </ul>
    </details>
  `,
  styles: `
    :host {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    summary {
      cursor: pointer;
      color: var(--mat-sys-primary);
      width: fit-content;
      padding: 4px 0;
    }
    p {
      margin: 4px 0 0;
    }
    ul {
      margin: 4px 0 8px;
      padding-inline-start: 20px;
    }
    code {
      padding: 0 4px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class MarkdownHint {}
