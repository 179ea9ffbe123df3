// Finds user-visible text written straight into JSX instead of coming from the catalogues:
// JSX text nodes, string literals rendered as children, and literals in props people read
// (aria-label, title, placeholder, alt, label, …). Text without any letter ("✓", "·", " ")
// is punctuation and allowed. Only values in "render positions" are checked, so the
// catalogue keys passed to t("…") are never mistaken for text.
import ts from "typescript";

export interface StrayText {
  file: string;
  line: number;
  text: string;
}

/** Props whose value a person reads or hears. */
const USER_FACING_PROPS = new Set([
  "alt",
  "title",
  "placeholder",
  "label",
  "hint",
  "emptyText",
  "filterPlaceholder",
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
]);

const LETTER = /\p{L}/u;

/** The expressions whose value ends up rendered, looking through ?:, &&, ||, ?? and (). */
function renderedValues(expression: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(expression)) return renderedValues(expression.expression);
  if (ts.isConditionalExpression(expression)) {
    return [...renderedValues(expression.whenTrue), ...renderedValues(expression.whenFalse)];
  }
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return renderedValues(expression.right);
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      return [...renderedValues(expression.left), ...renderedValues(expression.right)];
    }
    if (operator === ts.SyntaxKind.PlusToken) {
      return [...renderedValues(expression.left), ...renderedValues(expression.right)];
    }
  }
  return [expression];
}

/** The literal text of an expression, if it is written out in the source. */
function literalText(expression: ts.Expression): string | null {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (ts.isTemplateExpression(expression)) {
    return [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join("");
  }
  return null;
}

export function findStrayText(file: string, source: string): StrayText[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: StrayText[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!LETTER.test(text)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push({ file, line: line + 1, text: text.trim() });
  };
  const checkExpression = (expression: ts.Expression | undefined) => {
    if (!expression) return;
    for (const value of renderedValues(expression)) {
      const text = literalText(value);
      if (text !== null) report(value, text);
    }
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      report(node, node.text);
    } else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      checkExpression(node.expression);
    } else if (ts.isJsxAttribute(node) && USER_FACING_PROPS.has(node.name.getText(sourceFile))) {
      const initializer = node.initializer;
      if (initializer && ts.isStringLiteral(initializer)) report(initializer, initializer.text);
      else if (initializer && ts.isJsxExpression(initializer)) checkExpression(initializer.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
