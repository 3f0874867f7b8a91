// Tables of the assessment capability (issue 12).
export {};
