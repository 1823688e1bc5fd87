// lwAFTR view (ONOS GUI1, Angular): softwire table with filters and paging, summary of counters,
// details panel for the selected softwire. Server side: org.lwaftr.gui.LwaftrUiMessageHandler.
(function () {
    'use strict';

    // injected refs
    var $log, $scope, $interval, fs, wss;

    var summaryReq = 'lwaftrSummaryRequest',
        summaryResp = 'lwaftrSummaryResponse',
        detailsReq = 'lwaftrDetailsRequest',
        detailsResp = 'lwaftrDetailsResponse',
        pName = 'ov-lwaftr-details-panel',
        pageSize = 100,
        summaryPeriod = 5000;

    // Rows of the details panel: [label, function(details) -> text].
    var detailRows = [
        ['IPv4 address', function (d) { return d['binding-entry']['binding-ipv4-addr']; }],
        ['Port set', function (d) { return d.ports; }],
        ['lwB4', function (d) { return d['binding-entry']['binding-ipv6info']; }],
        ['BR', function (d) { return d['binding-entry']['br-ipv6-addr']; }],
        ['Counter index', function (d) { return d['counter-index']; }],
        ['Downstream', function (d) { return d.downstream.packets + ' pkts / ' + d.downstream.bytes + ' B'; }],
        ['Upstream', function (d) { return d.upstream.packets + ' pkts / ' + d.upstream.bytes + ' B'; }]
    ];

    function populatePanel(panel) {
        var d = $scope.panelDetails,
            tbody;
        panel.append('h3').text('Softwire ' + $scope.panelId);
        if (d.error) {
            panel.append('p').text(d.error);
            return;
        }
        tbody = panel.append('table').append('tbody');
        detailRows.forEach(function (row) {
            var tr = tbody.append('tr');
            tr.append('td').attr('class', 'label').text(row[0]);
            tr.append('td').text(row[1](d.details));
        });
    }

    angular.module('ovLwaftr', [])
        .controller('OvLwaftrCtrl',
        ['$log', '$scope', '$interval', 'TableBuilderService', 'FnService', 'WebSocketService',

        function (_$log_, _$scope_, _$interval_, tbs, _fs_, _wss_) {
            var handlers = {},
                summaryTimer;

            $log = _$log_;
            $scope = _$scope_;
            $interval = _$interval_;
            fs = _fs_;
            wss = _wss_;

            $scope.summary = {};
            $scope.reasonBoxes = [
                {title: 'Punted to the controller', key: 'punt-totals'},
                {title: 'Dropped by the data plane', key: 'drop-totals'}
            ];
            $scope.panelDetails = {};
            $scope.filters = {ipv4: '', lwb4: '', br: ''};
            // Sent with every table request (TableBuilderService merges it in): filters and page.
            $scope.query = {offset: 0, limit: pageSize};

            handlers[summaryResp] = function (data) {
                $scope.summary = data;
                $scope.$apply();
            };
            handlers[detailsResp] = function (data) {
                $scope.panelId = data.id;
                $scope.panelDetails = data;
                $scope.$apply();
            };
            wss.bindHandlers(handlers);

            function requestSummary() {
                wss.sendEvent(summaryReq, {});
            }

            function refreshTable() {
                $scope.sortCallback($scope.sortParams);
            }

            $scope.isEmpty = function (o) {
                return !o || Object.keys(o).length === 0;
            };

            $scope.isChanged = function (id) {
                return ($scope.changedData || []).some(function (r) { return r.id === id; });
            };

            $scope.applyFilters = function () {
                ['ipv4', 'lwb4', 'br'].forEach(function (f) {
                    var v = ($scope.filters[f] || '').trim();
                    if (v) {
                        $scope.query[f] = v;
                    } else {
                        delete $scope.query[f];
                    }
                });
                $scope.query.offset = 0;
                refreshTable();
            };

            $scope.clearFilters = function () {
                $scope.filters = {ipv4: '', lwb4: '', br: ''};
                $scope.applyFilters();
            };

            $scope.page = function (dir) {
                $scope.query.offset = Math.max(0, $scope.query.offset + dir * pageSize);
                refreshTable();
            };

            function selCb($event, row) {
                if ($scope.selId) {
                    wss.sendEvent(detailsReq, {id: row.id});
                } else {
                    $scope.hidePanel();
                }
            }

            tbs.buildTable({
                scope: $scope,
                tag: 'lwaftr',
                selCb: selCb,
                query: $scope.query
            });

            requestSummary();
            summaryTimer = $interval(requestSummary, summaryPeriod);

            $scope.$on('$destroy', function () {
                $interval.cancel(summaryTimer);
                wss.unbindHandlers(handlers);
            });

            $log.log('OvLwaftrCtrl has been created');
        }])

        .directive('ovLwaftrDetailsPanel', ['PanelService', 'KeyService',
            function (ps, ks) {
            return {
                restrict: 'E',
                link: function (scope) {
                    var panel = ps.createPanel(pName, {
                        width: 320,
                        margin: 20,
                        hideMargin: 0
                    });
                    panel.hide();
                    scope.hidePanel = function () { panel.hide(); };

                    function closePanel() {
                        if (panel.isVisible()) {
                            $scope.selId = null;
                            panel.hide();
                            return true;
                        }
                        return false;
                    }

                    ks.keyBindings({
                        esc: [closePanel, 'Close the details panel'],
                        _helpFormat: ['esc']
                    });
                    ks.gestureNotes([
                        ['click', 'Select a softwire to show its details']
                    ]);

                    scope.$watch('panelDetails', function () {
                        if (!fs.isEmptyObject(scope.panelDetails)) {
                            panel.empty();
                            populatePanel(panel);
                            panel.show();
                        }
                    });

                    scope.$on('$destroy', function () {
                        ks.unbindKeys();
                        ps.destroyPanel(pName);
                    });
                }
            };
        }]);
}());
