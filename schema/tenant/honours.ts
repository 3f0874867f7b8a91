// Tables of the honours capability (issue 12).
export {};
