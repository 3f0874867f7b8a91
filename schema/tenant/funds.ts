// Tables of the funds capability (issue 12).
export {};
