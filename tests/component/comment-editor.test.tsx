import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import CommentEditor from '../../src/features/owner/comment-editor';
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
