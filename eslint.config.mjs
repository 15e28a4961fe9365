import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import reactHooks from "eslint-plugin-react-hooks";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: {
      "office-addins": officeAddins,
    },
    languageOptions: {
      parser: tsParser,
    },
  },
  {
    // TypeScript itself reports undefined names, and knows the DOM, Node and Office globals.
    // The base no-unused-vars flags parameter names in function types; the TypeScript rule does not.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "@typescript-eslint": tsPlugin },
    rules: {
      "no-undef": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The pure core knows nothing of Excel, files or React: it imports itself and decimal.js.
    files: ["src/core/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!(decimal\\.js|\\./[\\w.-]+(/[\\w.-]+)*)$)",
              message: "src/core imports nothing but itself and decimal.js.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/core/*/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!(decimal\\.js|\\./[\\w.-]+|\\.\\./[\\w.-]+)$)",
              message: "src/core imports nothing but itself and decimal.js.",
            },
          ],
        },
      ],
    },
  },
  {
    // Hooks called in a stable order, and effects and memos that name everything they read.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // The pane's host type says what each mode provides; nothing in the pane asserts it away.
    files: ["src/taskpane/**"],
    plugins: { "@typescript-eslint": tsPlugin },
    rules: { "@typescript-eslint/no-non-null-assertion": "error" },
  },
  {
    // ExcelJS objects are plain objects with a `.value`, not Office.js proxies that need load().
    files: [
      "src/cli/**",
      "src/workbook/**",
      "src/core/**",
      "src/reader/**",
      "src/report/**",
      "scripts/**",
      "test/report/**",
    ],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
    },
  },
];
