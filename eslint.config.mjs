import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

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
    // ExcelJS objects are plain objects with a `.value`, not Office.js proxies that need load().
    files: ["src/cli/**", "src/workbook/**", "src/core/**", "src/reader/**", "src/report/**", "scripts/**"],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
    },
  },
];
