import { InvalidInputError } from "../errors";

/** A teacher refused for one field's value: the action shows the message under that field. */
export class ProviderFieldError extends InvalidInputError {
  constructor(
    readonly field: "baseUrl" | "apiKey",
    message: string,
  ) {
    super(message);
  }
}
