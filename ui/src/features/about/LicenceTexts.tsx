import { useTranslation } from "react-i18next";

import type { LicenceText } from "../../bindings/LicenceText";

interface Props {
  texts: LicenceText[];
  /** How many shipped packages come with each text (by text id). */
  packagesPerText: ReadonlyMap<string, number>;
}

/** The licence, copying and notice texts one package ships with, in full. */
export function LicenceTexts({ texts, packagesPerText }: Props) {
  const { t } = useTranslation();
  return texts.map((text) => {
    const sharedBy = packagesPerText.get(text.id) ?? 1;
    return (
      <section key={text.name} className="about-licence-text">
        <h3>{text.standard ? t("about.standardText", { licence: text.name }) : text.name}</h3>
        {sharedBy > 1 && <p className="about-shared">{t("about.sharedBy", { count: sharedBy })}</p>}
        <pre>{text.text}</pre>
      </section>
    );
  });
}
