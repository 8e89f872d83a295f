import { Image, Text, View } from '@tarojs/components';
import type { FormBlock, FormDocument, FormPage } from '../../../../types/documents';
import './form-view.scss';

/** A table block's row opens another form (the register's notices). */
export type OpenLink = (form: 'notice', id: string) => void;

function Block({ block, open }: { block: FormBlock; open: OpenLink }) {
  return (
    <View className="form-block">
      {block.heading ? <View className="form-heading">{block.heading}</View> : null}
      {block.kind === 'lines'
        ? block.lines.map((line, i) => (
            <View key={i} className="form-line">
              {line}
            </View>
          ))
        : null}
      {block.kind === 'fields' ? (
        <View className="form-fields">
          {block.fields.map((f, i) => (
            <View key={`${f.label}-${i}`} className="form-field">
              <View className="form-label">{f.label}</View>
              <View className="form-value">
                <Text>{f.value}</Text>
                {f.image ? <Image className="form-signature" src={f.image} mode="aspectFit" /> : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {block.kind === 'table' ? (
        <View className="form-table-wrap">
          <View className="form-table">
            <View className="form-tr form-th">
              {block.columns.map((c) => (
                <View key={c} className="form-td">
                  {c}
                </View>
              ))}
            </View>
            {block.rows.map((r, i) => {
              const id = block.links?.ids[i];
              return (
                <View
                  key={i}
                  className={`form-tr${id ? ' form-link' : ''}`}
                  onClick={id && block.links ? () => open(block.links!.form, id) : undefined}
                >
                  {r.map((c, j) => (
                    <View key={j} className="form-td">
                      {c}
                    </View>
                  ))}
                </View>
              );
            })}
          </View>
        </View>
      ) : null}
    </View>
  );
}

function Page({ page, open }: { page: FormPage; open: OpenLink }) {
  return (
    <View className="form-page">
      <View className="form-title">{page.title}</View>
      {page.subtitle ? <View className="form-subtitle">{page.subtitle}</View> : null}
      {page.blocks.map((b, i) => (
        <Block key={i} block={b} open={open} />
      ))}
    </View>
  );
}

/** A form laid out as it prints: each page on its own sheet, titles and fields as in the seed's annex. */
export function FormView({ doc, open }: { doc: FormDocument; open: OpenLink }) {
  return (
    <View className="form-document">
      {doc.pages.map((p, i) => (
        <Page key={i} page={p} open={open} />
      ))}
    </View>
  );
}
