import type { Token } from 'markdown-it';
import type { MarkdownProblem } from '../markdown-env.js';
import type { QuizQuestionRecord, QuizRecord } from '../quiz-record.js';

/** One option as the quiz's HTML shows it: tokens are rendered where the quiz is. */
export interface OptionView {
  readonly id: string;
  readonly label: Token;
  readonly correct: boolean;
  readonly feedback: readonly Token[];
}

export interface QuestionView {
  readonly id: string;
  readonly number: number;
  readonly kind: QuizQuestionRecord['kind'];
  /** The question's first paragraph, its legend; undefined when it starts with another block. */
  readonly prompt: Token | undefined;
  /** Blocks between the prompt and the options (a code sample to read, say). */
  readonly body: readonly Token[];
  readonly options: readonly OptionView[];
  readonly explanation: readonly Token[];
}

export interface QuizView {
  readonly id: string;
  readonly title: string;
  /** The heading level of the title: one below the section the quiz sits in. */
  readonly level: number;
  readonly intro: readonly Token[];
  readonly questions: readonly QuestionView[];
}

/** `[ ] ` or `[x] ` at the start of an option, as GitHub's task lists write it. */
const TASK = /^\[([ xX])\](?:[ \t]+|$)/;

/** Splits tokens into top-level blocks: an opening token with everything up to its close. */
export function blocksOf(tokens: readonly Token[]): Token[][] {
  const blocks: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    current.push(token);
    depth += token.nesting;
    if (depth === 0) {
      blocks.push(current);
      current = [];
    }
  }
  return blocks;
}

const inner = (block: readonly Token[]) => block.slice(1, -1);

/** A tight list hides its items' paragraphs (no <p>); feedback and explanations keep theirs. */
function shown(tokens: Token[]): Token[] {
  for (const token of tokens) if (token.type.startsWith('paragraph_')) token.hidden = false;
  return tokens;
}
const lineOf = (token: Token | undefined) => token?.map?.[0] ?? 0;

/** The plain text of an inline token: what structured data and the record hold. */
export function inlineText(token: Token | undefined): string {
  const parts = (token?.children ?? []).map((child) => {
    if (child.type === 'softbreak' || child.type === 'hardbreak') return ' ';
    return child.type === 'text' || child.type === 'code_inline' || child.type === 'image'
      ? child.content
      : '';
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function blocksText(tokens: readonly Token[]): string {
  return tokens
    .map((token) =>
      token.type === 'inline'
        ? inlineText(token)
        : token.type === 'fence' || token.type === 'code_block'
          ? token.content
          : '',
    )
    .filter((text) => text !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface QuizReading {
  readonly problems: MarkdownProblem[];
}

function problem(reading: QuizReading, line: number, needle: string, message: string): void {
  reading.problems.push({ line, field: 'quiz', severity: 'error', needle, message });
}

/** The option's label and feedback, or undefined when the item is not a task (`[ ]`, `[x]`). */
function readOption(item: readonly Token[], id: string): OptionView | undefined {
  const [first, ...rest] = blocksOf(inner(item));
  const label = first?.[0]?.type === 'paragraph_open' ? first[1] : undefined;
  const marker = label ? TASK.exec(label.content) : null;
  const text = label?.children?.[0];
  if (!label || !marker || text?.type !== 'text') return undefined;
  text.content = text.content.replace(TASK, '');
  label.content = label.content.replace(TASK, '');
  // A block quote under an option is its feedback: shown without the quote's own frame.
  const feedback = shown(
    rest.flatMap((block) => (block[0]?.type === 'blockquote_open' ? inner(block) : block)),
  );
  return { id, label, correct: marker[1] !== ' ', feedback };
}

function readOptions(
  list: readonly Token[],
  questionId: string,
  number: number,
  reading: QuizReading,
): OptionView[] | undefined {
  const options: OptionView[] = [];
  for (const item of blocksOf(inner(list))) {
    const option = readOption(item, `${questionId}-${options.length + 1}`);
    if (!option) {
      problem(
        reading,
        lineOf(item[0]),
        item[0]?.markup ?? '-',
        `Question ${number}'s options are not a task list: start each option with [ ] (a wrong answer) or [x] (a right one)`,
      );
      return undefined;
    }
    options.push(option);
  }
  return options;
}

function readQuestion(
  item: readonly Token[],
  quizId: string,
  number: number,
  reading: QuizReading,
): QuestionView | undefined {
  const open = item[0];
  const line = lineOf(open);
  const needle = `${open?.info ?? ''}${open?.markup ?? ''}`;
  const blocks = blocksOf(inner(item));
  const prompt = blocks[0]?.[0]?.type === 'paragraph_open' ? blocks[0][1] : undefined;
  const at = blocks.findIndex((block) => block[0]?.type === 'bullet_list_open');
  const id = `${quizId}-${number}`;
  if (at === -1) {
    const message = `Question ${number} has no options: list them under it as a task list (- [ ] a wrong answer, - [x] a right one)`;
    problem(reading, line, needle, message);
    return undefined;
  }
  const options = readOptions(blocks[at] ?? [], id, number, reading);
  if (!options) return undefined;
  const correct = options.filter((option) => option.correct).length;
  if (correct === 0) {
    const message = `Question ${number} has no correct option: mark the right answer with [x]`;
    problem(reading, line, needle, message);
    return undefined;
  }
  return {
    id,
    number,
    kind: correct === 1 ? 'single' : 'multiple',
    prompt,
    body: shown(blocks.slice(prompt ? 1 : 0, at).flat()),
    options,
    explanation: shown(blocks.slice(at + 1).flat()),
  };
}

const OUTSIDE =
  'Text between or after the questions belongs to none: indent it under its question, as far as the question’s text';

/**
 * The questions of a quiz's ordered lists, and the blocks before the first (its introduction).
 * Text after a question that is not indented under it is reported once, where it starts.
 */
function readQuestions(
  content: readonly Token[],
  quizId: string,
  reading: QuizReading,
): { intro: Token[]; questions: QuestionView[]; count: number; stray: Token | undefined } {
  const intro: Token[] = [];
  const questions: QuestionView[] = [];
  let count = 0;
  let stray: Token | undefined;
  for (const block of blocksOf(content)) {
    if (block[0]?.type === 'ordered_list_open') {
      for (const item of blocksOf(inner(block))) {
        count++;
        const question = readQuestion(item, quizId, count, reading);
        if (question) questions.push(question);
      }
    } else if (count === 0) {
      intro.push(...block);
    } else {
      // The heading plugin's wrappers have no line: the heading inside them has.
      stray ??= block.find((token) => token.map);
    }
  }
  return { intro, questions, count, stray };
}

export interface QuizInput {
  readonly open: Token;
  /** The tokens between the container's opening and closing lines. */
  readonly content: readonly Token[];
  readonly id: string;
  readonly title: string;
  readonly level: number;
  /** Whether a closing `:::` ends the container (markdown-it closes it at the document's end). */
  readonly closed: boolean;
}

/** Reads a quiz container: the view its HTML is made from, or undefined when it has an error. */
export function readQuiz(input: QuizInput, reading: QuizReading): QuizView | undefined {
  const before = reading.problems.length;
  const line = lineOf(input.open);
  if (!input.closed) {
    const message =
      'This quiz is never closed: end it with a line holding only ::: (everything after it is in the quiz)';
    problem(reading, line, ':::', message);
  }
  const { intro, questions, count, stray } = readQuestions(input.content, input.id, reading);
  // What an unclosed quiz swallowed is the rest of the page, not misplaced text.
  if (stray && input.closed) problem(reading, lineOf(stray), '', OUTSIDE);
  if (count === 0) {
    const message =
      'This quiz has no question: write its questions as a numbered list (1. …), each with a task list of options';
    problem(reading, line, ':::', message);
  }
  if (reading.problems.length > before) return undefined;
  return { id: input.id, title: input.title, level: input.level, intro, questions };
}

/** The plain-text record of a quiz, for structured data and the learner's progress. */
export function quizRecord(view: QuizView): QuizRecord {
  return {
    id: view.id,
    title: view.title,
    questions: view.questions.map((question) => ({
      id: question.id,
      text: inlineText(question.prompt) || blocksText(question.body),
      kind: question.kind,
      options: question.options.map((option) => ({
        text: inlineText(option.label),
        correct: option.correct,
        feedback: blocksText(option.feedback),
      })),
      explanation: blocksText(question.explanation),
    })),
  };
}
