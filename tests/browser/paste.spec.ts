import type { Locator, Page } from '@playwright/test';
import {
  EXCEL_TABLE,
  WORD_BULLETS,
  WORD_BULLETS_TEXT,
  WORD_ONLINE_BULLETS,
} from '../fixtures/word-clipboard';
import { expect, test } from './fixtures';

/** A paste as the browser fires it: a ClipboardEvent whose DataTransfer holds HTML and text. */
async function paste(target: Locator, html: string, text: string) {
  await target.evaluate(
    (element, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data.html);
      transfer.setData('text/plain', data.text);
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    { html, text },
  );
}

async function emptyComment(page: Page) {
  await page.goto('/?period=2020-08&plan=lakemedel');
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  await comment.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  return comment;
}

test('a bullet list pasted from Word is a list in the comment, and is saved as one', async ({
  page,
}) => {
  const comment = await emptyComment(page);

  await paste(comment, WORD_BULLETS, WORD_BULLETS_TEXT);

  const list = comment.getByRole('list').first();
  await expect(list.getByRole('listitem')).toHaveText([
    /^Mål 1\) Minska väntetiderna\s*Till högst 30 dagar$/,
    'Till högst 30 dagar',
    'Mål 2) Fler besök i hemmet',
  ]);
  await expect(comment.getByRole('listitem').first().getByRole('list')).toHaveText(
    'Till högst 30 dagar',
  );
  await expect(comment).not.toContainText('·');
  await expect(comment.locator('p').first()).toHaveText('Läget i april:');
  await expect(comment.locator('[class], [style]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Kommentar' }).getByRole('listitem')).toHaveText([
    /^Mål 1\)/,
    'Till högst 30 dagar',
    'Mål 2) Fler besök i hemmet',
  ]);
});

test('table cells pasted from Excel or Word are paragraphs of their own', async ({ page }) => {
  const comment = await emptyComment(page);

  await paste(comment, EXCEL_TABLE, 'Cell A\tCell B\r\nVäntetid\t42\r\n');

  await expect(comment.locator('p')).toHaveText(['Cell A', 'Cell B', 'Väntetid', '42']);
});

test('a list from Word for the web stays a list; plain text is pasted as text', async ({
  page,
}) => {
  const comment = await emptyComment(page);

  await paste(comment, WORD_ONLINE_BULLETS, 'Mål 1) Minska väntetiderna');

  await expect(comment.getByRole('listitem')).toHaveText([
    /^Mål 1\) Minska väntetiderna\s*Till högst 30 dagar$/,
    'Till högst 30 dagar',
    'Mål 2) Fler besök i hemmet',
  ]);

  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await comment.evaluate((element) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', 'Bara text');
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  });
  await expect(comment.locator('p')).toHaveText(['Bara text']);
  await expect(comment.getByRole('list')).toHaveCount(0);
});
