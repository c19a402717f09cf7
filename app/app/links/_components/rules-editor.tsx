"use client";

import { PlusIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { describedBy, Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { CountryPicker } from "@/app/app/links/_components/country-picker";
import { fieldId, rowKey, type AbRow, type CountryRow, type DeviceRow, type FieldErrors } from "@/app/app/links/_components/form-state";
import { ReorderableList } from "@/app/app/links/_components/reorderable-list";
import { DEVICE_KEYS, type DeviceKeyValue } from "@/lib/links/schemas";

export const DEVICE_LABELS: Record<DeviceKeyValue, string> = {
  ios: "iOS",
  android: "Android",
  windows: "Windows",
  macos: "macOS",
  linux: "Linux",
  mobile: "Mobile",
  tablet: "Tablet",
  desktop: "Desktop",
};

export type RulesValue = { country: CountryRow[]; device: DeviceRow[]; ab: AbRow[] };

export type RulesEditorProps = {
  value: RulesValue;
  onChange: (next: RulesValue, touched: "country" | "device" | "ab") => void;
  errors: FieldErrors;
};

const first = (errors: FieldErrors, path: string) => errors[path]?.[0];

/** Share of each weight in percent, one decimal; blank or invalid weights count as 0. */
export function weightShares(rows: readonly AbRow[]): number[] {
  const weights = rows.map((r) => {
    const n = Number(r.weight);
    return Number.isInteger(n) && n > 0 ? n : 0;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? Math.round((w / total) * 1000) / 10 : 0));
}

/** Country → device → A/B, in the order the click path checks them; the first match wins. */
export function RulesEditor({ value, onChange, errors }: RulesEditorProps) {
  const shares = weightShares(value.ab);
  const set = <K extends keyof RulesValue>(key: K, rows: RulesValue[K]) => onChange({ ...value, [key]: rows }, key);

  return (
    <div className="rules">
      <p className="subtle rules-order">
        Checked in this order, first match wins: <strong>country</strong> → <strong>device</strong> → <strong>A/B rotation</strong> → the
        destination above.
      </p>

      <section className="rules-group" aria-labelledby="rules-country-title">
        <div className="rules-group-head">
          <div>
            <h3 id="rules-country-title">Country rules</h3>
            <p className="subtle">Visitors from these countries go to their own URL (offline GeoIP, no third-party call).</p>
          </div>
          <Button
            id="add-country-rule"
            size="sm"
            icon={<PlusIcon size={15} />}
            onClick={() => set("country", [...value.country, { key: rowKey(), countries: [], url: "" }])}
          >
            Add country rule
          </Button>
        </div>
        {first(errors, "rules.country") ? <p className="field-error">{first(errors, "rules.country")}</p> : null}
        {value.country.length > 0 ? (
          <ReorderableList
            items={value.country}
            noun="country rule"
            testId="country-rules"
            onChange={(rows) => set("country", rows)}
            renderItem={(row, i) => {
              const cId = fieldId(`rules.country.${i}.countries`);
              const uId = fieldId(`rules.country.${i}.url`);
              const cErr = first(errors, `rules.country.${i}.countries`) ?? first(errors, `rules.country.${i}`);
              const uErr = first(errors, `rules.country.${i}.url`);
              return (
                <div className="rule-fields">
                  <Field id={cId} label="Countries" error={cErr}>
                    <CountryPicker
                      id={cId}
                      value={row.countries}
                      invalid={Boolean(cErr)}
                      describedBy={cErr ? `${cId}-error` : undefined}
                      onChange={(countries) => set("country", value.country.map((r) => (r.key === row.key ? { ...r, countries } : r)))}
                    />
                  </Field>
                  <Field id={uId} label="Send them to" error={uErr}>
                    <Input
                      id={uId}
                      type="url"
                      inputMode="url"
                      placeholder="https://example.de/angebot"
                      value={row.url}
                      invalid={Boolean(uErr)}
                      {...describedBy(uId, uErr, false)}
                      onChange={(e) => set("country", value.country.map((r) => (r.key === row.key ? { ...r, url: e.target.value } : r)))}
                    />
                  </Field>
                </div>
              );
            }}
          />
        ) : null}
      </section>

      <section className="rules-group" aria-labelledby="rules-device-title">
        <div className="rules-group-head">
          <div>
            <h3 id="rules-device-title">Device rules</h3>
            <p className="subtle">For example the App Store for iOS, Google Play for Android.</p>
          </div>
          <Button
            id="add-device-rule"
            size="sm"
            icon={<PlusIcon size={15} />}
            onClick={() => set("device", [...value.device, { key: rowKey(), devices: [], url: "" }])}
          >
            Add device rule
          </Button>
        </div>
        {first(errors, "rules.device") ? <p className="field-error">{first(errors, "rules.device")}</p> : null}
        {value.device.length > 0 ? (
          <ReorderableList
            items={value.device}
            noun="device rule"
            testId="device-rules"
            onChange={(rows) => set("device", rows)}
            renderItem={(row, i) => {
              const dId = fieldId(`rules.device.${i}.devices`);
              const uId = fieldId(`rules.device.${i}.url`);
              const dErr = first(errors, `rules.device.${i}.devices`) ?? first(errors, `rules.device.${i}`);
              const uErr = first(errors, `rules.device.${i}.url`);
              const toggle = (d: DeviceKeyValue) =>
                set(
                  "device",
                  value.device.map((r) =>
                    r.key === row.key ? { ...r, devices: r.devices.includes(d) ? r.devices.filter((x) => x !== d) : [...r.devices, d] } : r,
                  ),
                );
              return (
                <div className="rule-fields">
                  <fieldset className="chip-fieldset" aria-describedby={dErr ? `${dId}-error` : undefined}>
                    <legend className="field-label">Devices</legend>
                    <div className="chip-toggles" id={dId} tabIndex={-1}>
                      {DEVICE_KEYS.map((d) => (
                        <button
                          key={d}
                          type="button"
                          className="chip-toggle"
                          aria-pressed={row.devices.includes(d)}
                          onClick={() => toggle(d)}
                        >
                          {DEVICE_LABELS[d]}
                        </button>
                      ))}
                    </div>
                    {dErr ? (
                      <p className="field-error" id={`${dId}-error`} role="alert">
                        {dErr}
                      </p>
                    ) : null}
                  </fieldset>
                  <Field id={uId} label="Send them to" error={uErr}>
                    <Input
                      id={uId}
                      type="url"
                      inputMode="url"
                      placeholder="https://apps.apple.com/app/…"
                      value={row.url}
                      invalid={Boolean(uErr)}
                      {...describedBy(uId, uErr, false)}
                      onChange={(e) => set("device", value.device.map((r) => (r.key === row.key ? { ...r, url: e.target.value } : r)))}
                    />
                  </Field>
                </div>
              );
            }}
          />
        ) : null}
      </section>

      <section className="rules-group" aria-labelledby="rules-ab-title">
        <div className="rules-group-head">
          <div>
            <h3 id="rules-ab-title">A/B rotation</h3>
            <p className="subtle">Two or more URLs; clicks split by weight. A visitor keeps its variant for 7 days.</p>
          </div>
          <Button
            id="add-ab-rule"
            size="sm"
            icon={<PlusIcon size={15} />}
            onClick={() => {
              // Starting A/B: two rows at once, since one variant alone is refused.
              const fresh = value.ab.length === 0 ? [{ key: rowKey(), url: "", weight: "50" }, { key: rowKey(), url: "", weight: "50" }] : [{ key: rowKey(), url: "", weight: "1" }];
              set("ab", [...value.ab, ...fresh]);
            }}
          >
            {value.ab.length === 0 ? "Start A/B rotation" : "Add variant"}
          </Button>
        </div>
        {first(errors, "rules.ab") ? (
          <p className="field-error" role="alert">
            {first(errors, "rules.ab")}
          </p>
        ) : null}
        {value.ab.length > 0 ? (
          <>
            <ReorderableList
              items={value.ab}
              noun="variant"
              testId="ab-rules"
              onChange={(rows) => set("ab", rows)}
              renderItem={(row, i) => {
                const uId = fieldId(`rules.ab.${i}.url`);
                const wId = fieldId(`rules.ab.${i}.weight`);
                const uErr = first(errors, `rules.ab.${i}.url`);
                const wErr = first(errors, `rules.ab.${i}.weight`);
                return (
                  <div className="rule-fields rule-fields-ab">
                    <Field id={uId} label={`Variant ${String.fromCharCode(65 + (i % 26))} URL`} error={uErr}>
                      <Input
                        id={uId}
                        type="url"
                        inputMode="url"
                        placeholder="https://example.com/landing-b"
                        value={row.url}
                        invalid={Boolean(uErr)}
                        {...describedBy(uId, uErr, false)}
                        onChange={(e) => set("ab", value.ab.map((r) => (r.key === row.key ? { ...r, url: e.target.value } : r)))}
                      />
                    </Field>
                    <Field id={wId} label="Weight" error={wErr}>
                      <div className="weight-input">
                        <Input
                          id={wId}
                          type="number"
                          inputMode="numeric"
                          min={1}
                          step={1}
                          value={row.weight}
                          invalid={Boolean(wErr)}
                          aria-describedby={wErr ? `${wId}-error` : `${wId}-share`}
                          aria-invalid={wErr ? true : undefined}
                          onChange={(e) => set("ab", value.ab.map((r) => (r.key === row.key ? { ...r, weight: e.target.value } : r)))}
                        />
                        <span className="weight-share" id={`${wId}-share`} data-testid="ab-share">
                          {shares[i] ?? 0}%
                        </span>
                      </div>
                    </Field>
                  </div>
                );
              }}
            />
            <div className="ab-bar" aria-hidden="true">
              {value.ab.map((row, i) => (
                <span key={row.key} className={`ab-bar-seg ab-seg-${i % 6}`} style={{ width: `${shares[i] ?? 0}%` }}>
                  {(shares[i] ?? 0) >= 8 ? `${String.fromCharCode(65 + (i % 26))} ${shares[i]}%` : ""}
                </span>
              ))}
            </div>
          </>
        ) : null}
      </section>
    </div>
  );
}
