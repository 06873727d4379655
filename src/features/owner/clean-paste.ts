import { Extension } from '@tiptap/react';
import { Plugin } from '@tiptap/pm/state';
import { pastedHtmlToComment } from '../shared/paste-html';
import { sanitizeCommentHtml } from '../shared/sanitize';

/**
 * Pasted HTML (Word, Word for the web, Excel, web pages) is turned into the comment's structure
 * (lists as lists, each table cell a paragraph, no Word markup) and sanitized before the editor
 * reads it. The editor's own copies (marked data-pm-slice) are left as ProseMirror made them;
 * plain text is pasted as before.
 */
export const CleanPaste = Extension.create({
  name: 'cleanPaste',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          transformPastedHTML: (html) =>
            html.includes('data-pm-slice') ? html : sanitizeCommentHtml(pastedHtmlToComment(html)),
        },
      }),
    ];
  },
});
