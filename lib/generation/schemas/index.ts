// The generation domain's schemas, importable by client forms (the domain index is server-only).
export * from "./basics";
export * from "./launch";
export * from "./config";
export * from "./estimate-query";
export { MAX_SEED } from "../../teacher/schemas";
