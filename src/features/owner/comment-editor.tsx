import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  shorthands,
  Text,
  Toolbar,
  ToolbarButton,
  tokens,
} from '@fluentui/react-components';
import {
  LinkRegular,
  TextBoldRegular,
  TextBulletListLtrRegular,
  TextIndentDecreaseLtrRegular,
  TextIndentIncreaseLtrRegular,
  TextItalicRegular,
  TextNumberListLtrRegular,
} from '@fluentui/react-icons';
import { EditorContent, useEditor, useEditorState, type AnyExtension } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { sanitizeCommentHtml } from '../shared/sanitize';
import { CleanPaste } from './clean-paste';

/**
 * The rich-text editor for the comment (Tiptap on ProseMirror), loaded on demand: it is the
 * heaviest piece of the owner's form and not needed to show the list. Its value is HTML of the
 * same small vocabulary the sanitizer allows: paragraphs, bold, italic, bulleted and numbered
 * lists, links.
 */
export interface CommentEditorProps {
  readonly value: string;
  readonly onChange: (html: string) => void;
  /** Id of the visible label element. */
  readonly labelId: string;
  /** Ids of hint, counter and error texts. */
  readonly describedBy: string;
  readonly invalid: boolean;
}

const SAFE_LINK = /^(?:https?:\/\/|mailto:)\S+$/i;

/**
 * Tab and Shift+Tab leave the editor, as they leave every other field (WCAG 2.1.2): Tiptap's list
 * item binds them to indent and outdent (and its list keymap moves a paragraph into the list
 * above on Tab), so the keys to leave would change the text. Here those bindings are dropped and
 * indenting moves to Ctrl+] and Ctrl+[ and to the toolbar; the editor's description says so.
 */
function withoutTabBindings(extension: AnyExtension): AnyExtension {
  if (extension.name === 'listItem') {
    return extension.extend({
      addKeyboardShortcuts() {
        return {
          Enter: () => this.editor.commands.splitListItem(this.name),
          // Ctrl on every platform (not ⌘ on a Mac), as the description names it.
          'Ctrl-]': () => this.editor.commands.sinkListItem(this.name),
          'Ctrl-[': () => this.editor.commands.liftListItem(this.name),
        };
      },
    });
  }
  if (extension.name === 'listKeymap') {
    return extension.extend({
      addKeyboardShortcuts() {
        const inherited = this.parent?.() ?? {};
        return Object.fromEntries(
          Object.entries(inherited).filter(([key]) => key !== 'Tab' && key !== 'Shift-Tab'),
        );
      },
    });
  }
  return extension;
}

const useStyles = makeStyles({
  // The typing area's edge has 3:1 against the page and its own background (WCAG 1.4.11), as
  // Fluent's own inputs draw theirs: colorNeutralStroke1 is 1.5:1 on white.
  frame: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-within': {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  invalid: { ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  // The toolbar's buttons wrap onto a second line on a narrow screen or at high zoom.
  toolbar: {
    flexWrap: 'wrap',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  content: {
    '& .ProseMirror': {
      minHeight: '10rem',
      maxHeight: '28rem',
      overflowY: 'auto',
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      outlineStyle: 'none',
      color: tokens.colorNeutralForeground1,
      lineHeight: tokens.lineHeightBase300,
    },
    '& .ProseMirror p': { marginBlockStart: 0, marginBlockEnd: tokens.spacingVerticalS },
    '& .ProseMirror a': { color: tokens.colorBrandForegroundLink },
  },
  linkRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  linkInput: { minWidth: 'min(16rem, 100%)', flexGrow: 1 },
  // A pressed button (bold, italic, list, link at the caret) is filled with the brand colour, so
  // it differs from one not pressed in every theme, not only in aria-pressed (a faint tint, as
  // Fluent's subtle toggle draws it, is lost in the dark theme). Windows' contrast themes drop
  // backgrounds: there it takes the system's selection colours.
  pressed: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    '& .fui-Button__icon': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover': {
      backgroundColor: tokens.colorBrandBackgroundHover,
      color: tokens.colorNeutralForegroundOnBrand,
      '& .fui-Button__icon': { color: tokens.colorNeutralForegroundOnBrand },
    },
    ':hover:active': {
      backgroundColor: tokens.colorBrandBackgroundPressed,
      color: tokens.colorNeutralForegroundOnBrand,
      '& .fui-Button__icon': { color: tokens.colorNeutralForegroundOnBrand },
    },
    '@media (forced-colors: active)': {
      forcedColorAdjust: 'none',
      backgroundColor: 'Highlight',
      color: 'HighlightText',
      '& .fui-Button__icon': { color: 'HighlightText' },
      ':hover': {
        backgroundColor: 'Highlight',
        color: 'HighlightText',
        '& .fui-Button__icon': { color: 'HighlightText' },
      },
    },
  },
  keys: {
    display: 'block',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export default function CommentEditor({
  value,
  onChange,
  labelId,
  describedBy,
  invalid,
}: CommentEditorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkUrl, setLinkUrl] = useState('');
  const [linkError, setLinkError] = useState(false);
  const linkInputId = useId();
  const keysId = useId();
  const description = `${describedBy} ${keysId}`.trim();
  // The editor is created once; its update handler must still reach the latest onChange.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  const editor = useEditor({
    extensions: [
      StarterKit.extend({
        addExtensions() {
          return (this.parent?.() ?? []).map(withoutTabBindings);
        },
      }).configure({
        heading: false,
        code: false,
        codeBlock: false,
        blockquote: false,
        horizontalRule: false,
        strike: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: 'https',
          HTMLAttributes: { rel: 'noopener noreferrer', target: '_blank' },
        },
      }),
      CleanPaste,
    ],
    // Comments come from SharePoint, where anyone may have edited them: sanitize before parsing.
    content: sanitizeCommentHtml(value),
    onUpdate: ({ editor: e }) => onChangeRef.current(e.isEmpty ? '' : e.getHTML()),
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-describedby': description,
        'aria-invalid': invalid ? 'true' : 'false',
      },
    },
  });

  // Outside changes (copying last period's comment, taking someone else's version) replace the
  // content; the editor's own updates come back equal and are left alone.
  useEffect(() => {
    // A suspended or strict-mode remount can hand back an instance that was already destroyed.
    if (!editor || editor.isDestroyed) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (current !== value) {
      editor.commands.setContent(sanitizeCommentHtml(value), { emitUpdate: false });
    }
  }, [editor, value]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          'aria-describedby': description,
          'aria-invalid': invalid ? 'true' : 'false',
        },
      },
    });
  }, [editor, labelId, description, invalid]);

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      bulletList: e?.isActive('bulletList') ?? false,
      orderedList: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
      canIndent: e?.can().sinkListItem('listItem') ?? false,
      canOutdent: e?.can().liftListItem('listItem') ?? false,
    }),
  });

  // A mouse click on a toolbar button must not take focus (and the selection) from the text.
  const keepFocus = (event: MouseEvent) => event.preventDefault();

  const openLink = () => {
    setLinkUrl(editor?.getAttributes('link').href ?? '');
    setLinkError(false);
    setLinkOpen(true);
  };

  const applyLink = () => {
    const url = linkUrl.trim();
    if (!SAFE_LINK.test(url)) {
      setLinkError(true);
      return;
    }
    editor?.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    setLinkOpen(false);
  };

  const removeLink = () => {
    editor?.chain().focus().extendMarkRange('link').unsetLink().run();
    setLinkOpen(false);
  };

  return (
    <div className={mergeClasses(styles.frame, invalid && styles.invalid)}>
      <Toolbar aria-label={t.editor.toolbar} size="small" className={styles.toolbar}>
        <ToolbarButton
          onMouseDown={keepFocus}
          aria-pressed={active?.bold ?? false}
          className={mergeClasses(active?.bold && styles.pressed)}
          icon={<TextBoldRegular />}
          onClick={() => editor?.chain().focus().toggleBold().run()}
        >
          {t.editor.bold}
        </ToolbarButton>
        <ToolbarButton
          onMouseDown={keepFocus}
          aria-pressed={active?.italic ?? false}
          className={mergeClasses(active?.italic && styles.pressed)}
          icon={<TextItalicRegular />}
          onClick={() => editor?.chain().focus().toggleItalic().run()}
        >
          {t.editor.italic}
        </ToolbarButton>
        <ToolbarButton
          onMouseDown={keepFocus}
          aria-pressed={active?.bulletList ?? false}
          className={mergeClasses(active?.bulletList && styles.pressed)}
          icon={<TextBulletListLtrRegular />}
          onClick={() => editor?.chain().focus().toggleBulletList().run()}
        >
          {t.editor.bulletList}
        </ToolbarButton>
        <ToolbarButton
          onMouseDown={keepFocus}
          aria-pressed={active?.orderedList ?? false}
          className={mergeClasses(active?.orderedList && styles.pressed)}
          icon={<TextNumberListLtrRegular />}
          onClick={() => editor?.chain().focus().toggleOrderedList().run()}
        >
          {t.editor.orderedList}
        </ToolbarButton>
        <ToolbarButton
          onMouseDown={keepFocus}
          icon={<TextIndentIncreaseLtrRegular />}
          disabledFocusable={!active?.canIndent}
          aria-keyshortcuts="Control+]"
          onClick={() => editor?.chain().focus().sinkListItem('listItem').run()}
        >
          {t.editor.indent}
        </ToolbarButton>
        <ToolbarButton
          onMouseDown={keepFocus}
          icon={<TextIndentDecreaseLtrRegular />}
          disabledFocusable={!active?.canOutdent}
          aria-keyshortcuts="Control+["
          onClick={() => editor?.chain().focus().liftListItem('listItem').run()}
        >
          {t.editor.outdent}
        </ToolbarButton>
        <ToolbarButton
          onMouseDown={keepFocus}
          aria-pressed={active?.link ?? false}
          className={mergeClasses(active?.link && styles.pressed)}
          aria-expanded={linkOpen}
          icon={<LinkRegular />}
          onClick={openLink}
        >
          {t.editor.link}
        </ToolbarButton>
      </Toolbar>
      {linkOpen && (
        <div className={styles.linkRow}>
          <Field
            label={t.editor.linkUrl}
            className={styles.linkInput}
            validationState={linkError ? 'error' : 'none'}
            validationMessage={linkError ? t.editor.linkInvalid : undefined}
          >
            <Input
              id={linkInputId}
              type="url"
              value={linkUrl}
              autoFocus
              onChange={(_, data) => setLinkUrl(data.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  applyLink();
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  setLinkOpen(false);
                  editor?.commands.focus();
                }
              }}
            />
          </Field>
          <Button appearance="primary" onClick={applyLink}>
            {t.editor.linkApply}
          </Button>
          {active?.link && <Button onClick={removeLink}>{t.editor.linkRemove}</Button>}
          <Button
            onClick={() => {
              setLinkOpen(false);
              editor?.commands.focus();
            }}
          >
            {t.editor.linkCancel}
          </Button>
        </div>
      )}
      <EditorContent editor={editor} className={styles.content} />
      <Text id={keysId} className={styles.keys}>
        {t.editor.keys}
      </Text>
    </div>
  );
}
