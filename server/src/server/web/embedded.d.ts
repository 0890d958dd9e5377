/** The files scripts/build.mjs embeds in the web server: path under the project root → text. */
declare module 'stratlint:shipped' {
  const texts: Record<string, string>;
  export default texts;
}
