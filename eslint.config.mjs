// Lint: the Office add-in rules (Office.js load/sync misuse, prettier) plus the one-way layering of
// STYLE.md, enforced with no-restricted-imports so a wrong arrow fails lint, not review.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import reactPlugin from "eslint-plugin-react";

const layer = (from, forbidden) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: forbidden.map((target) => ({
          group:
            target.startsWith("@") || target === "react" || target === "react-dom"
              ? [target, `${target}/*`]
              : [`**/${target}`, `**/${target}/*`],
          message: `src/${from} must not import ${target} (DESIGN §1, STYLE.md: imports flow one way).`,
        })),
      },
    ],
  },
});

const UI = ["react", "react-dom", "@fluentui/*"];

// The preset registers its plugins and rules for .js/.ts only; TSX needs the same.
const preset = officeAddins.configs.recommended.at(-1);

export default [
  { ignores: ["dist/", "node_modules/", "coverage/", "test-output/", "examples/out/"] },
  ...officeAddins.configs.react,
  { files: ["**/*.tsx"], plugins: preset.plugins, rules: preset.rules },
  // React 17+ automatic JSX runtime: no `import React` needed in .tsx files.
  reactPlugin.configs.flat["jsx-runtime"],
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    languageOptions: {
      // The plugin's own config names a parser it cannot load; use typescript-eslint's.
      parser: tseslint.parser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: { react: { version: "18.3" } },
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      ...tseslint.configs.recommended.at(-1).rules,
      "@typescript-eslint/no-explicit-any": "error",
      // The plugin's bundled typescript-eslint 8.8 crashes on this rule under ESLint 9.39; use the core rule.
      "@typescript-eslint/no-unused-expressions": "off",
      "no-unused-expressions": "error",
      // TypeScript itself reports undefined names.
      "no-undef": "off",
      // Published coefficients (AS 241, Cody) and 60-digit reference values are quoted with all
      // their digits on purpose; the rounding to a double is the intended reading.
      "no-loss-of-precision": "off",
      "@typescript-eslint/no-loss-of-precision": "off",
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports (STYLE.md)." },
      ],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  layer("engine", ["functions", "excel", "taskpane", "workbook", "cli", ...UI]),
  layer("functions", ["excel", "taskpane", "workbook", "cli", ...UI]),
  layer("excel", ["functions", "taskpane", "workbook", "cli", ...UI]),
  layer("taskpane", ["functions", "workbook", "cli"]),
  layer("workbook", ["functions", "excel", "taskpane", "cli", ...UI]),
  layer("cli", ["functions", "excel", "taskpane", ...UI]),
];
