// The lengths the database accepts (the checks on threads and
// thread_messages), shared by the forms' schemas and their counters.
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
