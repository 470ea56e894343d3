/**
 * What a render records of each quiz, beside its HTML: plain text, so that pages can describe the
 * quiz elsewhere (schema.org structured data) and the certificate can count its points.
 */
export interface QuizOptionRecord {
  readonly text: string;
  readonly correct: boolean;
  /** The option's feedback (its block quote), or '' when it has none. */
  readonly feedback: string;
}

export interface QuizQuestionRecord {
  /** The question's element id, unique in the page: `<quiz id>-<n>`. */
  readonly id: string;
  readonly text: string;
  /** One correct option: single choice (radio buttons); several: multiple choice (check boxes). */
  readonly kind: 'single' | 'multiple';
  readonly options: readonly QuizOptionRecord[];
  /** The paragraphs after the options, or '' when there are none. */
  readonly explanation: string;
}

export interface QuizRecord {
  /** The quiz's element id (`quiz-<slug of the title>`): the fragment of its URL in the page. */
  readonly id: string;
  readonly title: string;
  /** One point per question. */
  readonly questions: readonly QuizQuestionRecord[];
}
