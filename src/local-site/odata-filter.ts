/**
 * Parser for the `$filter` subset SharePoint's list item endpoint understands and the app may
 * use: comparisons `field op literal` (eq, ne, gt, ge, lt, le), `and`, `or`, parentheses,
 * `startswith(Field,'x')` and `substringof('x',Field)`. Literals: strings with '' escaping,
 * numbers, null, true/false, datetime'…'.
 *
 * Anything else (arithmetic, `not`, literal on the left, other functions) is a syntax error
 * with a message naming it: the emulation refuses rather than guesses. The parser knows nothing
 * of lists; `list-items.ts` checks the field names and evaluates the tree.
 */

/** A literal on the right-hand side of a comparison. */
export type FilterLiteral =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'datetime'; readonly value: string }
  | { readonly type: 'null' };

/** Comparison operators, lower case. */
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** The parsed `$filter`. `field` is the path as written, e.g. `Title` or `Owners/Id`. */
export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | {
      readonly kind: 'compare';
      readonly op: ComparisonOperator;
      readonly field: string;
      readonly value: FilterLiteral;
    }
  | { readonly kind: 'startswith' | 'substringof'; readonly field: string; readonly value: string };

/** A `$filter` the parser could not read; the router answers 400 with this message. */
export class FilterSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

type Token =
  | { readonly t: 'lparen' | 'rparen' | 'comma'; readonly at: number }
  | { readonly t: 'word'; readonly text: string; readonly at: number }
  | { readonly t: 'literal'; readonly value: FilterLiteral; readonly at: number };

const COMPARISONS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const UNSUPPORTED_OPERATORS: ReadonlySet<string> = new Set([
  'not',
  'add',
  'sub',
  'mul',
  'div',
  'mod',
  'has',
  'in',
]);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '(') {
      tokens.push({ t: 'lparen', at: i });
      i += 1;
    } else if (c === ')') {
      tokens.push({ t: 'rparen', at: i });
      i += 1;
    } else if (c === ',') {
      tokens.push({ t: 'comma', at: i });
      i += 1;
    } else if (c === "'") {
      const [value, end] = readQuoted(input, i);
      tokens.push({ t: 'literal', value: { type: 'string', value }, at: i });
      i = end;
    } else if (/[-0-9]/.test(c)) {
      const match = /^-?\d+(\.\d+)?([eE][-+]?\d+)?[dDmMlLfF]?/.exec(input.slice(i));
      if (!match) throw new FilterSyntaxError(`Unexpected '${c}' at position ${i} in $filter.`);
      const text = match[0].replace(/[dDmMlLfF]$/, '');
      tokens.push({ t: 'literal', value: { type: 'number', value: Number(text) }, at: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/.exec(input.slice(i));
      const word = match?.[0] ?? c;
      const after = i + word.length;
      if (/^datetime$/i.test(word) && input.charAt(after) === "'") {
        const [value, end] = readQuoted(input, after);
        if (Number.isNaN(Date.parse(value))) {
          throw new FilterSyntaxError(`datetime'${value}' in $filter is not a valid date.`);
        }
        tokens.push({ t: 'literal', value: { type: 'datetime', value }, at: i });
        i = end;
      } else if (input.charAt(after) === "'") {
        // guid'…', X'…', binary'…' and friends: OData literal forms SharePoint lists do not need.
        throw new FilterSyntaxError(`The literal ${word}'…' in $filter is not supported.`);
      } else {
        const lower = word.toLowerCase();
        if (lower === 'null') tokens.push({ t: 'literal', value: { type: 'null' }, at: i });
        else if (lower === 'true' || lower === 'false') {
          tokens.push({ t: 'literal', value: { type: 'boolean', value: lower === 'true' }, at: i });
        } else tokens.push({ t: 'word', text: word, at: i });
        i = after;
      }
    } else {
      throw new FilterSyntaxError(`Unexpected '${c}' at position ${i} in $filter.`);
    }
  }
  return tokens;
}

/** Reads a '…' literal starting at `start` (the quote); '' is an escaped quote. */
function readQuoted(input: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= input.length) {
      throw new FilterSyntaxError(`Unterminated string literal at position ${start} in $filter.`);
    }
    const c = input.charAt(i);
    if (c === "'") {
      if (input.charAt(i + 1) === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return [value, i + 1];
    }
    value += c;
    i += 1;
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterNode {
    if (this.tokens.length === 0) throw new FilterSyntaxError('$filter is empty.');
    const node = this.orExpr();
    const rest = this.tokens[this.pos];
    if (rest) throw new FilterSyntaxError(`Unexpected ${describe(rest)} in $filter.`);
    return node;
  }

  private peekWord(): string | undefined {
    const token = this.tokens[this.pos];
    return token?.t === 'word' ? token.text.toLowerCase() : undefined;
  }

  private orExpr(): FilterNode {
    let left = this.andExpr();
    while (this.peekWord() === 'or') {
      this.pos += 1;
      left = { kind: 'or', left, right: this.andExpr() };
    }
    return left;
  }

  private andExpr(): FilterNode {
    let left = this.primary();
    while (this.peekWord() === 'and') {
      this.pos += 1;
      left = { kind: 'and', left, right: this.primary() };
    }
    return left;
  }

  private primary(): FilterNode {
    const token = this.next('a condition');
    if (token.t === 'lparen') {
      const inner = this.orExpr();
      this.expect('rparen', "')'");
      return inner;
    }
    if (token.t !== 'word') {
      throw new FilterSyntaxError(
        `Expected a field name at ${describe(token)} in $filter: SharePoint compares a field (left) with a literal (right).`,
      );
    }
    const lower = token.text.toLowerCase();
    if (UNSUPPORTED_OPERATORS.has(lower)) {
      throw new FilterSyntaxError(`The operator '${token.text}' in $filter is not supported.`);
    }
    if (this.tokens[this.pos]?.t === 'lparen') return this.call(token.text);
    const opToken = this.next(`an operator after '${token.text}'`);
    const op = opToken.t === 'word' ? opToken.text.toLowerCase() : '';
    if (!COMPARISONS.has(op)) {
      if (UNSUPPORTED_OPERATORS.has(op)) {
        throw new FilterSyntaxError(`The operator '${op}' in $filter is not supported.`);
      }
      throw new FilterSyntaxError(
        `Expected eq, ne, gt, ge, lt or le after '${token.text}' but found ${describe(opToken)} in $filter.`,
      );
    }
    const valueToken = this.next(`a literal after '${token.text} ${op}'`);
    if (valueToken.t !== 'literal') {
      throw new FilterSyntaxError(
        `Expected a literal after '${token.text} ${op}' but found ${describe(valueToken)} in $filter (comparing two fields is not supported).`,
      );
    }
    return {
      kind: 'compare',
      op: op as ComparisonOperator,
      field: token.text,
      value: valueToken.value,
    };
  }

  private call(name: string): FilterNode {
    const lower = name.toLowerCase();
    this.expect('lparen', "'('");
    if (lower === 'startswith') {
      const field = this.fieldArg(name);
      this.expect('comma', "','");
      const value = this.stringArg(name);
      this.expect('rparen', "')'");
      return { kind: 'startswith', field, value };
    }
    if (lower === 'substringof') {
      const value = this.stringArg(name);
      this.expect('comma', "','");
      const field = this.fieldArg(name);
      this.expect('rparen', "')'");
      return { kind: 'substringof', field, value };
    }
    throw new FilterSyntaxError(`The function '${name}' in $filter is not supported.`);
  }

  private fieldArg(fn: string): string {
    const token = this.next(`a field name in ${fn}()`);
    if (token.t !== 'word') {
      throw new FilterSyntaxError(`Expected a field name in ${fn}() but found ${describe(token)}.`);
    }
    return token.text;
  }

  private stringArg(fn: string): string {
    const token = this.next(`a string in ${fn}()`);
    if (token.t !== 'literal' || token.value.type !== 'string') {
      throw new FilterSyntaxError(
        `Expected a string literal in ${fn}() but found ${describe(token)}.`,
      );
    }
    return token.value.value;
  }

  private next(what: string): Token {
    const token = this.tokens[this.pos];
    if (!token) throw new FilterSyntaxError(`$filter ends where ${what} was expected.`);
    this.pos += 1;
    return token;
  }

  private expect(t: 'lparen' | 'rparen' | 'comma', shown: string): void {
    const token = this.next(shown);
    if (token.t !== t) {
      throw new FilterSyntaxError(`Expected ${shown} but found ${describe(token)} in $filter.`);
    }
  }
}

function describe(token: Token): string {
  switch (token.t) {
    case 'lparen':
      return `'(' at position ${token.at}`;
    case 'rparen':
      return `')' at position ${token.at}`;
    case 'comma':
      return `',' at position ${token.at}`;
    case 'word':
      return `'${token.text}' at position ${token.at}`;
    case 'literal':
      return `a ${token.value.type} literal at position ${token.at}`;
  }
}

/**
 * Parses a `$filter` value (already URL-decoded).
 * @throws FilterSyntaxError when the text is not in the supported subset.
 */
export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text)).parse();
}

/** Every field path the filter names, in order of appearance. */
export function filterFields(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterFields(node.left), ...filterFields(node.right)];
    default:
      return [node.field];
  }
}
