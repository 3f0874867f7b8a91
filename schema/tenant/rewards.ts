// Tables of the rewards capability (issue 12).
export {};
