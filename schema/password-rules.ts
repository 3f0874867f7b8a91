/**
 * Password rules, shared by the server (which enforces them) and the admin UI
 * (which shows every problem before submitting): at least 8 characters from
 * at least 3 of 4 classes. Pure, so the browser bundle can import it.
 * The server also refuses common, easily guessed passwords
 * (packages/identity/src/password.ts), whose dictionaries stay out of the UI.
 */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('密码长度至少 8 位');
  if (password.length > 128) problems.push('密码长度不能超过 128 位');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  return problems;
}
