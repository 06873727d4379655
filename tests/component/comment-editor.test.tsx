import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import CommentEditor from '../../src/features/owner/comment-editor';
import {
  EXCEL_TABLE,
  WORD_BULLETS,
  WORD_BULLETS_TEXT,
  WORD_NUMBERED,
  WORD_ONLINE_BULLETS,
  WORD_TABLE,
} from '../fixtures/word-clipboard';
import { EDITOR_TIMEOUT, preloadEditor, renderWithProviders } from './render-with-providers';

vi.setConfig({ testTimeout: 20_000 });

beforeAll(preloadEditor);

const LIST = '<ul><li><p>Ett</p></li><li><p>Två</p></li></ul>';
const NESTED = '<ul><li><p>Ett</p><ul><li><p>Två</p></li></ul></li></ul>';

/** The editor between a field before it and a button after it, as in the form. */
async function renderEditor(value: string) {
  const onChange = vi.fn<(html: string) => void>();
  const view = renderWithProviders(
    <>
      <span id="label">Kommentar</span>
      <span id="hint">Beskriv läget.</span>
      <CommentEditor
        value={value}
        onChange={onChange}
        labelId="label"
        describedBy="hint"
        invalid={false}
      />
      <button type="button">Spara utkast</button>
    </>,
  );
  const editor = await screen.findByRole('textbox', { name: 'Kommentar' }, EDITOR_TIMEOUT);
  return { ...view, editor, onChange };
}

/**
 * Puts the caret at the end of `node`'s text. ProseMirror follows the DOM selection through
 * 'selectionchange', which jsdom does not fire by itself.
 */
function caretAtEnd(node: Element) {
  const range = document.createRange();
  range.selectNodeContents(node);
  range.collapse(false);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

function items(editor: HTMLElement) {
  return [...editor.querySelectorAll('li > p')];
}

describe('lists in the comment editor', () => {
  test('"Numrerad lista" turns the paragraph into a numbered list, pressed while in it', async () => {
    const { user, editor, onChange } = await renderEditor('<p>Första målet</p>');
    await user.click(editor);
    caretAtEnd(editor.querySelector('p')!);
    const button = screen.getByRole('button', { name: 'Numrerad lista' });
    expect(button).toHaveAttribute('aria-pressed', 'false');

    await user.click(button);

    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        expect.stringMatching('^<ol><li><p>Första målet</p></li></ol>'),
      ),
    );
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Punktlista' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  test('Tab in a list item leaves the editor and indents nothing', async () => {
    const { user, editor, onChange } = await renderEditor(LIST);
    await user.click(editor);
    caretAtEnd(items(editor)[1]!);
    const before = editor.innerHTML;
    const changes = onChange.mock.calls.length;

    await user.tab();

    expect(screen.getByRole('button', { name: 'Spara utkast' })).toHaveFocus();
    expect(editor.innerHTML).toBe(before);
    expect(editor.querySelector('li li')).toBeNull();
    expect(onChange).toHaveBeenCalledTimes(changes);
  });

  test('Shift+Tab in a list item leaves the editor backwards and outdents nothing', async () => {
    const { user, editor, onChange } = await renderEditor(LIST);
    await user.click(editor);
    caretAtEnd(items(editor)[0]!);
    const before = editor.innerHTML;
    const changes = onChange.mock.calls.length;

    await user.tab({ shift: true });

    expect(editor).not.toHaveFocus();
    expect(screen.getByRole('toolbar', { name: 'Textformat' })).toContainElement(
      document.activeElement as HTMLElement,
    );
    expect(editor.innerHTML).toBe(before);
    expect(editor.querySelectorAll('ul > li')).toHaveLength(2);
    expect(onChange).toHaveBeenCalledTimes(changes);
  });

  test('"Öka indrag" nests the item under the one before, "Minska indrag" brings it back', async () => {
    const { user, editor, onChange } = await renderEditor(LIST);
    await user.click(editor);
    caretAtEnd(items(editor)[1]!);

    await user.click(screen.getByRole('button', { name: 'Öka indrag' }));
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(expect.stringMatching(`^${NESTED}`)),
    );
    expect(editor.querySelector('li li')).toHaveTextContent('Två');

    await user.click(screen.getByRole('button', { name: 'Minska indrag' }));
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(expect.stringMatching(`^${LIST}`)),
    );
  });

  test('the indent buttons are off outside a list, and still found in the toolbar', async () => {
    const { user, editor, onChange } = await renderEditor('<p>Bara text.</p>');
    await user.click(editor);
    caretAtEnd(editor.querySelector('p')!);
    const changes = onChange.mock.calls.length;

    const indent = screen.getByRole('button', { name: 'Öka indrag' });
    expect(indent).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Minska indrag' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await user.click(indent);
    expect(onChange).toHaveBeenCalledTimes(changes);
    expect(editor.innerHTML).toBe('<p>Bara text.</p>');
  });

  test('the editor’s description tells which keys leave it and which indent', async () => {
    const { editor } = await renderEditor(LIST);
    expect(editor).toHaveAccessibleDescription(
      /^Beskriv läget\. Tab och Skift\+Tab lämnar textrutan\..*Ctrl\+\].*Ctrl\+\[/,
    );
  });
});

/** A paste as the browser sends it: a ClipboardEvent whose clipboardData holds both flavours. */
function paste(editor: HTMLElement, data: Record<string, string>) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', {
    value: {
      types: Object.keys(data),
      getData: (type: string) => data[type] ?? '',
    },
  });
  editor.dispatchEvent(event);
}

describe('pasting into the comment editor', () => {
  test('a bullet list from Word stays a list, its markers and Word’s markup gone', async () => {
    const { user, editor, onChange } = await renderEditor('');
    await user.click(editor);

    paste(editor, { 'text/html': WORD_BULLETS, 'text/plain': WORD_BULLETS_TEXT });

    const [list] = await within(editor).findAllByRole('list');
    const entries = within(list!).getAllByRole('listitem');
    expect(entries.map((li) => li.textContent)).toEqual([
      'Mål 1) Minska väntetiderna' + 'Till högst 30 dagar',
      'Till högst 30 dagar',
      'Mål 2) Fler besök i hemmet',
    ]);
    expect(within(entries[0]!).getByRole('list')).toHaveTextContent('Till högst 30 dagar');
    expect(editor).not.toHaveTextContent('·');
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        '<p>Läget i <strong>april</strong>:</p>' +
          '<ul><li><p>Mål 1) Minska väntetiderna</p>' +
          '<ul><li><p>Till <em>högst</em> 30 dagar</p></li></ul></li>' +
          '<li><p>Mål 2) Fler besök i hemmet</p></li></ul>' +
          '<p>Vi följer upp i maj.</p>',
      ),
    );
  });

  test('a numbered list from Word becomes a numbered list with its sub items', async () => {
    const { user, editor, onChange } = await renderEditor('');
    await user.click(editor);

    paste(editor, { 'text/html': WORD_NUMBERED, 'text/plain': 'Kartlägg flödet' });

    await within(editor).findAllByRole('list');
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        '<ol><li><p>Kartlägg flödet</p><ol><li><p>Intervjua personalen</p></li>' +
          '<li><p>Mät väntetiden</p></li></ol></li>' +
          '<li><p>Inför <a target="_blank" rel="noopener noreferrer" href="https://intra.example.se/rutin">den nya rutinen</a></p></li></ol>' +
          // The caret's empty paragraph stays after the list, as ProseMirror pastes any list.
          '<p></p>',
      ),
    );
  });

  test('a table from Word gives each cell a paragraph of its own, row by row', async () => {
    const { user, editor, onChange } = await renderEditor('');
    await user.click(editor);

    paste(editor, { 'text/html': WORD_TABLE, 'text/plain': 'Cell A\tCell B\r\n' });

    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        '<p>Cell A</p><p>Cell B</p><p>Väntetid</p><p>42 dagar</p>',
      ),
    );
  });

  test('table cells with no paragraph of their own do not run together', async () => {
    const { user, editor, onChange } = await renderEditor('');
    await user.click(editor);

    paste(editor, { 'text/html': EXCEL_TABLE, 'text/plain': 'Cell A\tCell B\r\n' });

    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        '<p>Cell A</p><p>Cell B</p><p>Väntetid</p><p>42</p>',
      ),
    );
  });

  test('a list from Word for the web stays a list', async () => {
    const { user, editor } = await renderEditor('');
    await user.click(editor);

    paste(editor, { 'text/html': WORD_ONLINE_BULLETS, 'text/plain': 'Mål 1) Minska väntetiderna' });

    const lists = await within(editor).findAllByRole('list');
    expect(lists[0]).toHaveTextContent('Mål 1) Minska väntetiderna');
    expect(editor.querySelectorAll('li')).toHaveLength(3);
    expect(editor.querySelector('li li')).toHaveTextContent('Till högst 30 dagar');
  });

  test('what the sanitizer forbids does not come in with a paste', async () => {
    const { user, editor, onChange } = await renderEditor('');
    await user.click(editor);

    paste(editor, {
      'text/html':
        '<p class=MsoNormal style="color:red">Se <a href="javascript:alert(1)">här</a><img src=x onerror="alert(1)"></p>',
      'text/plain': 'Se här',
    });

    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p>Se här</p>'));
    expect(editor.querySelector('a, img, [style], [class]')).toBeNull();
  });

  test('plain text is pasted as text, as before', async () => {
    const { user, editor, onChange } = await renderEditor('');
    await user.click(editor);

    paste(editor, { 'text/plain': 'Mål 1) Minska väntetiderna' });

    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith('<p>Mål 1) Minska väntetiderna</p>'),
    );
  });
});
