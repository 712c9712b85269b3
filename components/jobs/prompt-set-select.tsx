import { Select } from "../ui/field";
import { formatCount } from "../ui/format";

export type PromptSetOption = { id: string; name: string; promptCount: number };

/**
 * A prompt set picker showing each set's size. `allowEmpty`: empty sets can be chosen (as a
 * target to write into); otherwise they are shown but disabled.
 */
export function PromptSetSelect({
  id,
  sets,
  value,
  onChange,
  placeholder,
  allowEmpty = false,
}: {
  id: string;
  sets: PromptSetOption[];
  value: string;
  onChange: (setId: string) => void;
  placeholder: string;
  allowEmpty?: boolean;
}) {
  return (
    <Select id={id} required value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="" disabled>
        {placeholder}
      </option>
      {sets.map((s) => (
        <option key={s.id} value={s.id} disabled={!allowEmpty && s.promptCount === 0}>
          {s.name} ({formatCount(s.promptCount)} prompts)
        </option>
      ))}
    </Select>
  );
}
