import { Assembler } from "stream-json/core/assembler.js";
import { jsonParser, type Token } from "stream-json/core/parser.js";
import { describeValue } from "../schemas";
import { decodeUtf8, NotUtf8Error, type ImportSource, type ParsedRow } from "./types";

// stream-chain's end-of-input marker (a registered symbol): flushes the tokenizer.
const END_OF_INPUT = Symbol.for("object-stream.none") as unknown as string;
const SHAPE = 'expected an array of objects, or an object with a "prompts" array';

/** One item this long (its keys, strings and numbers) is reported and skipped, not assembled. */
export const MAX_ITEM_CHARS = 4_000_000;
// A top-level key is kept only this far: enough to tell "prompts" from any other.
const MAX_KEY_CHARS = 64;

/**
 * A JSON document, streamed: a top-level array of objects, or an object whose "prompts" key holds
 * that array (other keys are skipped unread). The text is fed to the tokenizer one line at a time,
 * so the line an item's "{" is on is the line the tokenizer was given when it emitted startObject.
 * Strings, keys and numbers arrive in pieces and are kept only while an item is assembled, up to
 * MAX_ITEM_CHARS per item: memory stays bounded whatever one value or one item holds.
 */
export async function* parseJson(source: ImportSource): AsyncGenerator<ParsedRow[]> {
  const tokenize = jsonParser({ packValues: false, streamValues: true });
  const items = new ItemReader();
  let line = 1;
  try {
    for await (const text of decodeUtf8(source)) {
      for (let start = 0; start < text.length;) {
        const nl = text.indexOf("\n", start);
        const end = nl === -1 ? text.length : nl + 1;
        items.push(tokens(tokenize(text.slice(start, end))), line);
        if (nl !== -1) line++;
        start = end;
      }
      if (items.rows.length) yield items.take();
    }
    if (!items.started) throw new ShapeError("the file is empty");
    items.push(tokens(tokenize(END_OF_INPUT)), line);
    items.finish();
  } catch (error) {
    if (error instanceof NotUtf8Error || error instanceof ShapeError) {
      items.rows.push({ line, error: error.message, fatal: true });
    } else if (error instanceof Error && error.message.startsWith("Parser ")) {
      const detail = error.message.replace(/^Parser (cannot parse input: |has )/, "");
      items.rows.push({ line, error: `invalid JSON (${detail})`, fatal: true });
    } else throw error;
  }
  if (items.rows.length) yield items.take();
}

function tokens(out: ReturnType<ReturnType<typeof jsonParser>>): Token[] {
  return typeof out === "symbol" ? [] : out.values;
}

class ShapeError extends Error {}

type State = "top" | "topObject" | "items" | "item" | "skip" | "done";

/** Turns tokens into items of the prompts array, assembling one item at a time. */
class ItemReader {
  rows: ParsedRow[] = [];
  started = false;
  private state: State = "top";
  private afterSkip: State = "topObject";
  private skipDepth = 0;
  private key: string | null = null;
  private sawPrompts = false;
  private itemsInTopObject = false;
  private index = 0;
  private itemLine = 0;
  private assembler: Assembler | null = null;
  /** The item's nesting depth and size so far (characters of its values, one per other token). */
  private itemDepth = 0;
  private itemChars = 0;
  /** The pieces of the key, string or number being read, while it is worth keeping. */
  private pieces: string[] = [];
  private piecesChars = 0;

  take(): ParsedRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  push(tokens: Token[], line: number): void {
    for (const token of tokens) this.read(token, line);
  }

  /** Packs streamed keys, strings and numbers into one token each, keeping only what is needed. */
  private read(token: Token, line: number): void {
    switch (token.name) {
      case "startKey":
      case "startString":
      case "startNumber":
        [this.pieces, this.piecesChars] = [[], 0];
        return;
      case "stringChunk":
      case "numberChunk":
        this.grow(token.value.length);
        if (this.keeping()) {
          this.pieces.push(token.value);
          this.piecesChars += token.value.length;
        }
        return;
      case "endKey":
        return this.step({ name: "keyValue", value: this.packed() }, line);
      case "endString":
        return this.step({ name: "stringValue", value: this.packed() }, line);
      case "endNumber":
        return this.step({ name: "numberValue", value: this.packed() }, line);
      default:
        this.grow(1);
        return this.step(token, line);
    }
  }

  private keeping(): boolean {
    if (this.state === "item") return true;
    return this.state === "topObject" && this.piecesChars < MAX_KEY_CHARS;
  }

  private packed(): string {
    const value = this.pieces.join("");
    [this.pieces, this.piecesChars] = [[], 0];
    return value;
  }

  /** Counts towards the item being assembled; one too long is reported and the rest of it skipped. */
  private grow(chars: number): void {
    if (this.state !== "item") return;
    this.itemChars += chars;
    if (this.itemChars <= MAX_ITEM_CHARS) return;
    const limit = MAX_ITEM_CHARS.toLocaleString("en-US");
    this.rows.push({
      line: this.itemLine,
      item: this.index,
      error: `the item is longer than ${limit} characters`,
    });
    this.assembler = null;
    [this.pieces, this.piecesChars] = [[], 0];
    this.skip("items", this.itemDepth);
  }

  finish(): void {
    if (this.state !== "done") throw new ShapeError(SHAPE);
    if (!this.sawPrompts) throw new ShapeError(`the JSON object has no "prompts" array (${SHAPE})`);
  }

  private step(token: Token, line: number): void {
    this.started = true;
    switch (this.state) {
      case "top":
        if (token.name === "startArray") [this.state, this.sawPrompts] = ["items", true];
        else if (token.name === "startObject") [this.state, this.itemsInTopObject] = ["topObject", true];
        else throw new ShapeError(`the file holds ${describeValue(scalar(token))}: ${SHAPE}`);
        return;
      case "topObject":
        if (token.name === "keyValue") this.key = token.value;
        else if (token.name === "endObject") this.state = "done";
        else if (this.key === "prompts" && !this.sawPrompts) {
          if (token.name !== "startArray") throw new ShapeError(`"prompts" must be an array of objects`);
          [this.state, this.sawPrompts] = ["items", true];
        } else if (token.name === "startObject" || token.name === "startArray") this.skip("topObject");
        return;
      case "items":
        if (token.name === "endArray") this.state = this.itemsInTopObject ? "topObject" : "done";
        else if (token.name === "startObject") {
          this.index++;
          this.itemLine = line;
          [this.itemDepth, this.itemChars] = [1, 1];
          this.assembler = new Assembler();
          this.assembler.consume(token);
          this.state = "item";
        } else {
          this.index++;
          const found = token.name === "startArray" ? "an array" : describeValue(scalar(token));
          this.rows.push({ line, item: this.index, error: `expected an object, found ${found}` });
          if (token.name === "startArray") this.skip("items");
        }
        return;
      case "item":
        if (token.name === "startObject" || token.name === "startArray") this.itemDepth++;
        else if (token.name === "endObject" || token.name === "endArray") this.itemDepth--;
        this.assembler!.consume(token);
        if (this.assembler!.done) {
          this.rows.push({ line: this.itemLine, item: this.index, value: this.assembler!.current });
          this.assembler = null;
          this.state = "items";
        }
        return;
      case "skip":
        if (token.name === "startObject" || token.name === "startArray") this.skipDepth++;
        else if (token.name === "endObject" || token.name === "endArray") this.skipDepth--;
        if (this.skipDepth === 0) this.state = this.afterSkip;
        return;
      case "done":
        return;
    }
  }

  private skip(then: State, depth = 1): void {
    this.state = "skip";
    this.afterSkip = then;
    this.skipDepth = depth;
  }
}

function scalar(token: Token): unknown {
  if (token.name === "stringValue") return "";
  if (token.name === "numberValue") return 0;
  if (token.name === "trueValue" || token.name === "falseValue") return true;
  return null;
}
