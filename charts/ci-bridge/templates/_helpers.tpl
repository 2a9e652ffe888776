{{- define "ci-bridge.name" -}}ci-bridge{{- end -}}
{{- define "ci-bridge.fullname" -}}{{ printf "%s" .Release.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- define "ci-bridge.labels" -}}
app.kubernetes.io/name: ci-bridge
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
{{- define "ci-bridge.selector" -}}
app.kubernetes.io/name: ci-bridge
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- define "ci-bridge.webhookService" -}}{{ include "ci-bridge.fullname" . }}-webhook{{- end -}}
{{- define "ci-bridge.certSecret" -}}{{ include "ci-bridge.fullname" . }}-webhook-tls{{- end -}}
{{- define "ci-bridge.approvedConfigMap" -}}{{ include "ci-bridge.fullname" . }}-approved-providers{{- end -}}
