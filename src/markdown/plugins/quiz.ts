import type { MarkdownIt, PluginWithParams, StateCore, Token } from 'markdown-it';
import container from 'markdown-it-container';
import { envOf, needScript, type MarkdownEnv } from '../markdown-env.js';
import { slugify } from '../slugify.js';
import { quizHtml } from './quiz-html.js';
import { quizRecord, readQuiz, type QuizView } from './quiz-tokens.js';

const NAME = 'quiz';
const OPEN = `container_${NAME}_open`;
const CLOSE = `container_${NAME}_close`;
const CLOSING_LINE = /^[ \t]*:{3,}[ \t]*$/;

function titleOf(open: Token, env: MarkdownEnv): string {
  return open.info.trim().slice(NAME.length).trim() || env.text('markdown.quiz');
}

/** `quiz-<slug of the title>` (`quiz` alone for "Quiz"), numbered when the page has that id. */
function uniqueId(title: string, used: Set<string>): string {
  const slug = slugify(title).replace(/^section-/, '');
  const base = slug === 'quiz' || slug.startsWith('quiz-') ? slug : `quiz-${slug}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** The index of the token that closes the container opened at `start`. */
function closeOf(tokens: readonly Token[], start: number): number {
  const level = tokens[start]?.level;
  for (let i = start + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type === CLOSE && token.level === level) return i;
  }
  return tokens.length - 1;
}

interface Outline {
  /** Ids the page's headings use, and the quizzes' so far. */
  readonly used: Set<string>;
  /** The headings collected so far, to place the quiz among them in the page's contents. */
  headingsBefore: number;
  level: number;
}

function noteHeading(token: Token, outline: Outline): void {
  const id = String(token.attrGet('id') ?? '');
  if (id) outline.headingsBefore++;
  outline.level = Number(token.tag.slice(1));
}

/** Reads one quiz container, records it and replaces its tokens by one `quiz` token. */
function replaceQuiz(state: StateCore, start: number, outline: Outline, env: MarkdownEnv): void {
  const tokens = state.tokens;
  const end = closeOf(tokens, start);
  const open = tokens[start] as Token;
  const closingLine = state.src.split('\n', (open.map?.[1] ?? 0) + 1)[open.map?.[1] ?? 0];
  const title = titleOf(open, env);
  const view = readQuiz(
    {
      open,
      content: tokens.slice(start + 1, end),
      id: uniqueId(title, outline.used),
      title,
      level: Math.min(outline.level + 1, 6),
      closed: CLOSING_LINE.test(closingLine ?? ''),
    },
    env,
  );
  // A quiz with an error renders as its plain Markdown: the editor sees it, the build refuses it.
  if (!view) return;
  const quiz = new state.Token('quiz', 'form', 0);
  quiz.block = true;
  quiz.map = open.map;
  quiz.meta = view;
  tokens.splice(start, end - start + 1, quiz);
  env.quizzes.push(quizRecord(view));
  env.headings.splice(outline.headingsBefore++, 0, {
    level: view.level,
    id: view.id,
    text: view.title,
  });
  needScript(env, 'quiz');
}

/**
 * Runs last: links and images inside the quiz are resolved, and heading ids are known, so that
 * a quiz's id never repeats one.
 */
function quizRule(state: StateCore): void {
  if (!state.tokens.some((token) => token.type === OPEN)) return;
  const env = envOf(state);
  const used = new Set(state.tokens.map((token) => String(token.attrGet('id') ?? '')));
  const outline: Outline = { used, headingsBefore: 0, level: 1 };
  for (let i = 0; i < state.tokens.length; i++) {
    const token = state.tokens[i] as Token;
    if (token.type === 'heading_open') noteHeading(token, outline);
    else if (token.type === OPEN) replaceQuiz(state, i, outline, env);
  }
}

/**
 * `::: quiz Title`: an ordered list of questions, each with a task list of options (`[x]` marks
 * the right ones), a block quote under an option as its feedback and paragraphs after the options
 * as the explanation (see DESIGN.md, "Markdown"). Rendered as a form that reads without
 * JavaScript; recorded in env.quizzes for structured data.
 */
export function quizPlugin(md: MarkdownIt): void {
  // @types/markdown-it-container types `md` with the CommonJS declarations of markdown-it.
  md.use(container as unknown as PluginWithParams, NAME, {
    render(tokens: { nesting: number }[], index: number): string {
      return tokens[index]?.nesting === 1 ? '<div class="quiz quiz-invalid">\n' : '</div>\n';
    },
  });
  md.core.ruler.push('quiz', quizRule);
  md.renderer.rules.quiz = (tokens, index, options, env, self) =>
    quizHtml(tokens[index]?.meta as QuizView, {
      inline: (token) => (token ? self.renderInline(token.children ?? [], options, env) : ''),
      blocks: (blocks) => self.render([...blocks], options, env),
      escape: (text) => md.utils.escapeHtml(text),
      text: envOf({ env: env as object }).text,
    });
}
